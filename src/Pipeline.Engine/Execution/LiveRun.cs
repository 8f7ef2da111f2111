using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Formats.IO;

namespace Pipeline.Engine.Execution;

/// <summary>A run in progress as <c>.nuke/temp/live.json</c> records it: which process runs it, since when, and every planned target's state.</summary>
public sealed record LiveRunState(int ProcessId, DateTimeOffset Started, DateTimeOffset Updated, IReadOnlyList<LiveTargetState> Targets);

/// <summary>
/// One target of a run in progress: <c>pending</c>, <c>running</c>, or its final status word (<see cref="TargetStatusText"/>);
/// time spent so far; its last progress and the steps it reported (e.g. Train's finished trials), newest last.
/// </summary>
public sealed record LiveTargetState(string Target, string Status, long ElapsedMs, string? Reason, LiveProgress? Progress, IReadOnlyList<string> Steps);

/// <summary>A target's last <see cref="TargetProgress"/> with the engine's remaining estimate (null until one can be made).</summary>
public sealed record LiveProgress(long Done, long? Total, string Unit, double? Fraction, string? Best, long? RemainingMs);

/// <summary>
/// The live record of the run in progress, <c>.nuke/temp/live.json</c>: written atomically by the engine while a
/// run that holds the repository lock works (throttled), deleted when it ends. One writer (<see cref="RunProgress"/>)
/// and one reader (<see cref="Read"/>).
/// </summary>
public static class LiveRun
{
    /// <summary>The status of a planned target that has not started.</summary>
    public const string Pending = "pending";

    /// <summary>The status of a target whose actions are running.</summary>
    public const string Running = "running";

    /// <summary>Where a repository keeps the record of its run in progress.</summary>
    public static string PathIn(string root) => new RepositoryLayout(root).LiveRunFile;

    internal static void Write(string path, LiveRunState state) => AtomicFile.WriteAllText(path, ToJson(state));

    internal static string ToJson(LiveRunState state)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("pid", state.ProcessId);
            json.WriteString("started", Time(state.Started));
            json.WriteString("updated", Time(state.Updated));
            json.WriteStartArray("targets");
            foreach (var t in state.Targets)
            {
                json.WriteStartObject();
                json.WriteString("target", t.Target);
                json.WriteString("status", t.Status);
                json.WriteNumber("elapsed_ms", t.ElapsedMs);
                if (t.Reason is { } reason) json.WriteString("reason", reason);
                if (t.Progress is { } p)
                {
                    json.WriteStartObject("progress");
                    json.WriteNumber("done", p.Done);
                    if (p.Total is { } total) json.WriteNumber("total", total);
                    json.WriteString("unit", p.Unit);
                    if (p.Fraction is { } f) json.WriteNumber("fraction", Math.Round(f, 4));
                    if (p.Best is { } best) json.WriteString("best", best);
                    if (p.RemainingMs is { } left) json.WriteNumber("remaining_ms", left);
                    json.WriteEndObject();
                }
                json.WriteStartArray("steps");
                foreach (var step in t.Steps) json.WriteStringValue(step);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The record at <paramref name="path"/>; a malformed file throws <see cref="JsonException"/>, <see cref="InvalidOperationException"/>, <see cref="KeyNotFoundException"/> or <see cref="FormatException"/>.</summary>
    public static LiveRunState Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = json.RootElement;
        return new LiveRunState(
            root.GetProperty("pid").GetInt32(),
            DateTimeOffset.Parse(root.GetProperty("started").GetString() ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            DateTimeOffset.Parse(root.GetProperty("updated").GetString() ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            root.GetProperty("targets").EnumerateArray().Select(Target).ToList());
    }

    private static LiveTargetState Target(JsonElement e) => new(
        e.GetProperty("target").GetString() ?? "",
        e.GetProperty("status").GetString() ?? "",
        e.GetProperty("elapsed_ms").GetInt64(),
        e.TryGetProperty("reason", out var r) ? r.GetString() : null,
        e.TryGetProperty("progress", out var p) ? new LiveProgress(
            p.GetProperty("done").GetInt64(),
            p.TryGetProperty("total", out var total) ? total.GetInt64() : null,
            p.GetProperty("unit").GetString() ?? "",
            p.TryGetProperty("fraction", out var f) ? f.GetDouble() : null,
            p.TryGetProperty("best", out var b) ? b.GetString() : null,
            p.TryGetProperty("remaining_ms", out var left) ? left.GetInt64() : null) : null,
        e.TryGetProperty("steps", out var s) ? s.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : []);

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
