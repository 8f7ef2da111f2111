using Pipeline.Engine.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Engine.Execution;

/// <summary>The machine-readable record of a run, <c>.nuke/temp/run.json</c>: <c>[{"target","status","duration_ms","reason"}]</c>.</summary>
internal static class RunRecord
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static void Write(string path, IEnumerable<TargetResult> results)
    {
        var rows = results.Select(r => new Row(r.Name, TargetStatusText.Of(r.Status), (long)r.Duration.TotalMilliseconds, r.Reason));
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(rows, Options) + "\n");
    }

    private sealed record Row(
        [property: JsonPropertyName("target")] string Target,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("duration_ms")] long DurationMs,
        [property: JsonPropertyName("reason")] string Reason);
}
