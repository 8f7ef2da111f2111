using System.Globalization;
using Pipeline.Formats.Columns;
using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Reports;

/// <summary>Reference vs current shares per feature: equal-width bins over both samples' range, the top categories, or a text column's top words.</summary>
internal static class FeatureDistributions
{
    private const int TopCategories = 10;

    /// <summary>One distribution per column of <paramref name="current"/>, in the reference's order.</summary>
    public static IReadOnlyList<FeatureDistribution> Compute(DriftDataset reference, DriftDataset current, int bins) =>
        reference.Columns
            .Where(c => current.Find(c.Name) is not null)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Kind switch
            {
                ColumnKind.Numeric => Numeric(c.Name, c.PresentNumbers(), current.Find(c.Name)!.PresentNumbers(), bins),
                ColumnKind.Text => Categorical(c.Name, Words(c), Words(current.Find(c.Name)!)),
                _ => Categorical(c.Name, c.PresentLabels(), current.Find(c.Name)!.PresentLabels()),
            })
            .ToArray();

    /// <summary>The words of a text column's values: its chart shows word shares, as its drift reads words.</summary>
    private static string[] Words(DatasetColumn column) => [.. column.PresentLabels().SelectMany(TextTokens.Words)];

    private static FeatureDistribution Numeric(string name, double[] reference, double[] current, int bins)
    {
        var all = reference.Concat(current).ToArray();
        if (all.Length == 0) return new FeatureDistribution(name, [], [], []);
        double min = all.Min(), max = all.Max();
        var width = max > min ? (max - min) / bins : 1;
        var count = max > min ? bins : 1;
        var labels = Enumerable.Range(0, count).Select(i => (min + i * width).ToString("G4", CultureInfo.InvariantCulture)).ToArray();
        return new FeatureDistribution(name, labels, Shares(reference, count, min, width), Shares(current, count, min, width));
    }

    private static double[] Shares(double[] values, int count, double min, double width)
    {
        var shares = new double[count];
        foreach (var v in values)
        {
            shares[Math.Clamp((int)((v - min) / width), 0, count - 1)]++;
        }

        return shares.Select(s => values.Length == 0 ? 0 : s / values.Length).ToArray();
    }

    private static FeatureDistribution Categorical(string name, string[] reference, string[] current)
    {
        var top = reference.Concat(current)
            .GroupBy(v => v, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(TopCategories).Select(g => g.Key).ToArray();
        var others = reference.Concat(current).Any(v => !top.Contains(v, StringComparer.Ordinal));
        string[] labels = others ? [.. top, "(other)"] : top;
        return new FeatureDistribution(name, labels, CategoryShares(reference, top, others), CategoryShares(current, top, others));
    }

    private static double[] CategoryShares(string[] values, string[] top, bool others)
    {
        var shares = new double[top.Length + (others ? 1 : 0)];
        foreach (var v in values)
        {
            var index = Array.IndexOf(top, v);
            shares[index >= 0 ? index : top.Length]++;
        }

        return shares.Select(s => values.Length == 0 ? 0 : s / values.Length).ToArray();
    }
}
