
namespace Pipeline.Git.Experiments;

/// <summary>The experiments of a baseline compared in one table, the workspace row first (like <c>dvc exp show</c>).</summary>
public sealed class ExperimentTable(IReadOnlyList<ExperimentRow> rows)
{
    /// <summary>Workspace, baseline, then the experiments by creation time and name.</summary>
    public IReadOnlyList<ExperimentRow> Rows => rows;

    /// <summary>Every metric column, sorted.</summary>
    public IReadOnlyList<string> MetricNames => [.. rows.SelectMany(r => r.Metrics.Keys).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Every param column, sorted.</summary>
    public IReadOnlyList<string> ParamNames => [.. rows.SelectMany(r => r.Params.Keys).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The table <c>Experiment | Created | metrics… | params…</c>; absent values are <c>-</c>.</summary>
    public string ToTable()
    {
        var metrics = MetricNames;
        var parameters = ParamNames;
        var header = new List<string> { "Experiment", "Created" };
        header.AddRange(metrics);
        header.AddRange(parameters);
        var lines = rows.Select(r => (IReadOnlyList<string>)
        [
            r.Name,
            r.Created?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
            .. metrics.Select(m => r.Metrics.GetValueOrDefault(m, "-")),
            .. parameters.Select(p => r.Params.GetValueOrDefault(p, "-")),
        ]);
        return TextTable.Render(header, lines);
    }
}
