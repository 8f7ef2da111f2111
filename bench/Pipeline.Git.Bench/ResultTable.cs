using System.Globalization;
using System.Text;

namespace Pipeline.Git.Bench;

/// <summary>The results as the markdown table bench/README.md records.</summary>
internal static class ResultTable
{
    public static string Render(BenchOptions options, IReadOnlyList<Measurement> results)
    {
        var mib = options.TotalBytes / (double)(1 << 20);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{options.Files} files, {mib:F0} MiB, --jobs {options.Jobs}, {options.Rounds} round(s), medians\n\n");
        sb.Append("| remote | direction | ours s | ours MiB/s | baseline | baseline s | baseline MiB/s | ratio (ours/baseline throughput) |\n");
        sb.Append("|---|---|---:|---:|---|---:|---:|---:|\n");
        foreach (var m in results)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"| {m.Remote} | {m.Direction} | {m.OursMedian:F2} | {mib / m.OursMedian:F0} | {m.Baseline} | {m.BaselineMedian:F2} | {mib / m.BaselineMedian:F0} | **{m.Ratio:F2}** |\n");
        }
        sb.Append("\nrounds (s): ");
        sb.Append(string.Join("; ", results.Select(m => $"{m.Remote} {m.Direction}: ours {Join(m.OursSeconds)} / baseline {Join(m.BaselineSeconds)}")));
        return sb.ToString();
    }

    private static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)));
}
