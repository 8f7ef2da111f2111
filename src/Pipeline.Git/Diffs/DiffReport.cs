using Pipeline.Engine.Serialization;

namespace Pipeline.Git.Diffs;

/// <summary>The result of <see cref="MetricsDiff"/> or <see cref="ParamsDiff"/>: rows sorted by path then key, and renderers like DVC's.</summary>
public sealed class DiffReport
{
    internal DiffReport(DiffKind kind, string aRev, string bRev, IReadOnlyList<DiffRow> rows)
    {
        Kind = kind;
        ARev = aRev;
        BRev = bRev;
        Rows = rows;
    }

    /// <summary>Metrics or params.</summary>
    public DiffKind Kind { get; }

    /// <summary>The first revision as given (<c>HEAD</c>).</summary>
    public string ARev { get; }

    /// <summary>The second revision as given, or <c>workspace</c>.</summary>
    public string BRev { get; }

    /// <summary>The rows, by path then key in code-point order.</summary>
    public IReadOnlyList<DiffRow> Rows { get; }

    /// <summary>
    /// DVC's <c>--json</c> output: <c>{path: {key: {"old": o, "new": n[, "diff": d]}}}</c> written like Python's <c>json.dumps</c>
    /// (PythonJson: ", " and ": " separators, ensure_ascii, float repr); paths and keys sorted, since DVC's own order is a set's.
    /// </summary>
    public string RenderJson()
    {
        var root = new OrderedMap();
        foreach (var row in Rows)
        {
            if (!root.TryGetValue(row.Path, out var existing) || existing is not OrderedMap file) root[row.Path] = file = [];
            var entry = new OrderedMap { { "old", row.Old }, { "new", row.New } };
            if (row.Change is not null) entry.Add("diff", row.Change);
            file[row.Key] = entry;
        }
        return PythonJson.Dumps(root, sortKeys: false);
    }

    /// <summary>
    /// DVC's table (tabulate "plain"): <c>Path  Metric  &lt;a_rev&gt;  &lt;b_rev&gt;  Change</c> with metric floats rounded to
    /// <paramref name="precision"/> decimals (DVC's default 5); params have no Change column and print values as Python str().
    /// Empty when nothing changed.
    /// </summary>
    public string RenderTable(int precision = 5) => DiffTable.Render(this, precision);
}
