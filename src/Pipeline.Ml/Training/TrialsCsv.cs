using System.Globalization;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Training;

/// <summary>
/// Writes reports/trials.csv (<c>trial,rung,data_fraction,trainer,params,metric,value,error</c>, then <c>node,job_id</c>
/// when the trials ran as cluster jobs; params as a JSON
/// object with sorted keys and the exact sampled values; value rounded to 6 decimals, empty when the trial failed) and, separately, the
/// non-reproducible wall times (<c>trial,rung,duration_ms</c>). Rows are in rung, then trial order. Both are snapshot
/// CSVs written by <see cref="CsvSnapshotWriter"/> (quoting only when needed, '\n', atomic).
/// </summary>
internal static class TrialsCsv
{
    /// <summary>Writes the trials file atomically.</summary>
    public static void Write(string path, IEnumerable<TrialResult> trials, string metric)
    {
        // NOTE: node and job_id only when trials ran as cluster jobs, so a local run's file keeps its bytes (as run.json does).
        var list = trials.ToList();
        if (list.Any(t => t.Node is not null || t.JobId is not null))
        {
            WriteRows(path, ["trial", "rung", "data_fraction", "trainer", "params", "metric", "value", "error", "node", "job_id"], list,
                t => [Integer(t.Trial), Integer(t.Rung), RoundedNumber.Csv(t.DataFraction), t.Trainer, ParamsJson(t.Params), metric, RoundedNumber.Csv(t.Value), t.Error, t.Node, t.JobId]);
            return;
        }

        WriteRows(path, ["trial", "rung", "data_fraction", "trainer", "params", "metric", "value", "error"], list,
            t => [Integer(t.Trial), Integer(t.Rung), RoundedNumber.Csv(t.DataFraction), t.Trainer, ParamsJson(t.Params), metric, RoundedNumber.Csv(t.Value), t.Error]);
    }

    /// <summary>Writes the timing file atomically.</summary>
    public static void WriteTiming(string path, IEnumerable<TrialResult> trials) =>
        WriteRows(path, ["trial", "rung", "duration_ms"], trials, t => [Integer(t.Trial), Integer(t.Rung), Integer(t.DurationMs)]);

    /// <summary>The parameters as a compact JSON object with keys in ordinal order.</summary>
    public static string ParamsJson(IReadOnlyDictionary<string, double> parameters) =>
        "{" + string.Join(",", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{p.Value.ToString("R", CultureInfo.InvariantCulture)}")) + "}";

    private static void WriteRows(string path, string[] header, IEnumerable<TrialResult> trials, Func<TrialResult, string?[]> row)
    {
        using var csv = new CsvSnapshotWriter(path, header);
        foreach (var t in trials.OrderBy(t => t.Rung).ThenBy(t => t.Trial))
        {
            csv.WriteRow(row(t));
        }

        csv.Complete();
    }

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);
}
