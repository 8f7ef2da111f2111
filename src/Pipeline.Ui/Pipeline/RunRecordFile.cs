using System.Text.Json;

namespace Pipeline.Ui.Pipeline;

/// <summary>One row of <c>.nuke/temp/run.json</c>, the engine's record of the last run.</summary>
internal sealed record RunRow(string Target, string Status, long DurationMs, string Reason, string? Node);

/// <summary>Reads <c>.nuke/temp/run.json</c> (the last invocation's targets) with the time it was written.</summary>
internal static class RunRecordFile
{
    /// <summary>The rows and the file's time, or a message saying why there are none.</summary>
    public static (IReadOnlyList<RunRow> Rows, DateTimeOffset? Written, string? Problem) Read(string root)
    {
        var path = Path.Combine(root, ".nuke", "temp", "run.json");
        if (!File.Exists(path)) return ([], null, "No run recorded yet (.nuke/temp/run.json): run ./build.sh.");
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var rows = json.RootElement.EnumerateArray().Select(e => new RunRow(
                e.GetProperty("target").GetString() ?? "",
                e.GetProperty("status").GetString() ?? "",
                e.GetProperty("duration_ms").GetInt64(),
                e.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : "",
                e.TryGetProperty("node", out var n) ? n.GetString() : null)).ToList();
            return (rows, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return ([], null, $".nuke/temp/run.json is not a run record ({e.Message}); the next ./build.sh run writes it again.");
        }
    }
}
