using System.Globalization;
using Pipeline.Git.Experiments;

namespace Pipeline.Ui.Experiments;

/// <summary>
/// A column to sort the experiments table by: <c>name</c>, <c>created</c>, <c>metric:&lt;key&gt;</c> or
/// <c>param:&lt;key&gt;</c>. Numbers compare as numbers, other text ordinally; rows without the value go last.
/// </summary>
internal sealed record ExperimentSort(string Column, bool Descending)
{
    /// <summary>The rows in this order (stable, so equal rows keep the table's order).</summary>
    public IEnumerable<ExperimentRow> Apply(IEnumerable<ExperimentRow> rows)
    {
        var keyed = rows.Select((row, index) => (Row: row, Index: index, Key: KeyOf(row))).ToList();
        keyed.Sort((a, b) =>
        {
            if (a.Key is null && b.Key is null) return a.Index.CompareTo(b.Index);
            if (a.Key is null) return 1;
            if (b.Key is null) return -1;
            var order = Compare(a.Key, b.Key);
            return order != 0 ? (Descending ? -order : order) : a.Index.CompareTo(b.Index);
        });
        return keyed.Select(k => k.Row);
    }

    /// <summary>The query value a header links to: this column, the other direction when it is the current sort.</summary>
    public static string Toggle(ExperimentSort? current, string column) =>
        current is not null && current.Column == column && !current.Descending ? "desc" : "asc";

    private string? KeyOf(ExperimentRow row) => Column switch
    {
        "name" => row.Name,
        "created" => row.Created?.UtcDateTime.ToString("o", CultureInfo.InvariantCulture),
        _ when Column.StartsWith("metric:", StringComparison.Ordinal) => row.Metrics.GetValueOrDefault(Column["metric:".Length..]),
        _ when Column.StartsWith("param:", StringComparison.Ordinal) => row.Params.GetValueOrDefault(Column["param:".Length..]),
        _ => null,
    };

    private static int Compare(string a, string b) =>
        double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : string.CompareOrdinal(a, b);
}
