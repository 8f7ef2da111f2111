using System.Globalization;
using System.Text;
using Pipeline.Engine.Serialization;
using Pipeline.Formats.IO;

namespace Pipeline.Engine.Execution;

/// <summary>The machine-readable record of a run, <c>.nuke/temp/run.json</c>: <c>[{"target","status","duration_ms","reason"}]</c>, plus <c>"node"</c> and <c>"job_id"</c> for a target run as a job elsewhere.</summary>
internal static class RunRecord
{
    // NOTE: written by hand (strings escaped as Python's json does) rather than by a serializer, so the no-op
    // path pays no serializer or encoder start-up.
    public static string ToJson(IEnumerable<TargetResult> results)
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

    public static void Write(string path, IEnumerable<TargetResult> results) => AtomicFile.WriteAllText(path, ToJson(results));
}
