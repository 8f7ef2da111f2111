using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Engine.Serialization;
using Pipeline.Formats.IO;

namespace Pipeline.Engine.Execution;

/// <summary>One target of <c>.nuke/temp/run.json</c>: its status, duration and reason, and where it ran when it ran as a job.</summary>
public sealed record RunRecordEntry(string Target, string Status, long DurationMs, string Reason, string? Node, string? JobId);

/// <summary>The machine-readable record of a run, <c>.nuke/temp/run.json</c>: <c>[{"target","status","duration_ms","reason"}]</c>, plus <c>"node"</c> and <c>"job_id"</c> for a target run as a job elsewhere.</summary>
public static class RunRecord
{
    // NOTE: written by hand (strings escaped as Python's json does) rather than by a serializer, so the no-op
    // path pays no serializer or encoder start-up.
    internal static string ToJson(IEnumerable<TargetResult> results)
    {
        var sb = new StringBuilder("[");
        var first = true;
        foreach (var r in results)
        {
            sb.Append(first ? "\n" : ",\n").Append("  {\"target\": ");
            PythonJson.WriteString(sb, r.Name);
            sb.Append(", \"status\": \"").Append(TargetStatusText.Of(r.Status)).Append("\", \"duration_ms\": ")
              .Append(((long)r.Duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)).Append(", \"reason\": ");
            PythonJson.WriteString(sb, r.Reason);
            // NOTE: only a job run elsewhere adds its node and job id, so a local run's record keeps its bytes.
            if (r.Placement.Node is { } node)
            {
                sb.Append(", \"node\": ");
                PythonJson.WriteString(sb, node);
            }
            if (r.Placement.JobId is { } jobId)
            {
                sb.Append(", \"job_id\": ");
                PythonJson.WriteString(sb, jobId);
            }
            sb.Append('}');
            first = false;
        }
        return sb.Append(first ? "]\n" : "\n]\n").ToString();
    }

    internal static void Write(string path, IEnumerable<TargetResult> results) => AtomicFile.WriteAllText(path, ToJson(results));

    /// <summary>Where a repository keeps its last run's record.</summary>
    public static string PathIn(string root) => new RepositoryLayout(root).RunRecordFile;

    /// <summary>The entries of a run record (<see cref="ToJson"/>'s format); a malformed file throws <see cref="JsonException"/>, <see cref="InvalidOperationException"/> or <see cref="KeyNotFoundException"/>.</summary>
    public static IReadOnlyList<RunRecordEntry> Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        return json.RootElement.EnumerateArray().Select(e => new RunRecordEntry(
            e.GetProperty("target").GetString() ?? "",
            e.GetProperty("status").GetString() ?? "",
            e.GetProperty("duration_ms").GetInt64(),
            e.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : "",
            e.TryGetProperty("node", out var n) ? n.GetString() : null,
            e.TryGetProperty("job_id", out var j) ? j.GetString() : null)).ToList();
    }
}
