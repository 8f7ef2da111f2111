using Pipeline.Formats.Params;

namespace Pipeline.Monitoring.Drift;

/// <summary>
/// Reads <see cref="DriftOptions"/> from the <c>drift</c> group of params.yaml's <c>monitor</c> section:
/// <c>drift_share</c>, <c>min_column_samples</c>, <c>large_reference</c>, <c>bins</c>, <c>ks_threshold</c>,
/// <c>chi2_threshold</c>, <c>psi_threshold</c>, <c>js_threshold</c>, <c>wasserstein_threshold</c>, <c>text_threshold</c>,
/// <c>method</c> (one method for every column) and per column <c>columns.&lt;name&gt;.method</c> /
/// <c>columns.&lt;name&gt;.threshold</c> / <c>columns.&lt;name&gt;.period</c> (a cyclic column's period; 0 = not cyclic).
/// Unknown keys and bad values are <see cref="ParamException"/>s naming the dotted key (the one <see cref="ParamSection"/> rules).
/// </summary>
internal static class DriftOptionsParams
{
    private static readonly string[] Keys =
    [
        "drift_share", "min_column_samples", "large_reference", "bins", "ks_threshold", "chi2_threshold", "psi_threshold",
        "js_threshold", "wasserstein_threshold", "text_threshold", "method",
    ];

    private static readonly string[] ColumnKeys = ["method", "threshold", "period"];

    /// <summary>The options from <paramref name="values"/> (keys relative to the group), named <paramref name="name"/> (<c>monitor.drift</c>) in errors.</summary>
    public static DriftOptions Read(string name, IReadOnlyDictionary<string, string> values)
    {
        var s = new ParamSection(name, values, Keys, ["columns"]);
        var defaults = new DriftOptions();
        var share = s.Number("drift_share", defaults.DatasetDriftShare, 0, 1);
        if (share == 0) throw ParamValue.Bad(s.Dotted("drift_share"), s.Text("drift_share")!, "a number above 0 and at most 1");
        return defaults with
        {
            DatasetDriftShare = share,
            MinimumSampleSize = s.Integer("min_column_samples", defaults.MinimumSampleSize, 1),
            LargeReferenceSize = s.Integer("large_reference", defaults.LargeReferenceSize, 1),
            Bins = s.Integer("bins", defaults.Bins, 2),
            KsThreshold = s.Number("ks_threshold", defaults.KsThreshold, 0),
            ChiSquareThreshold = s.Number("chi2_threshold", defaults.ChiSquareThreshold, 0),
            PsiThreshold = s.Number("psi_threshold", defaults.PsiThreshold, 0),
            JensenShannonThreshold = s.Number("js_threshold", defaults.JensenShannonThreshold, 0),
            WassersteinThreshold = s.Number("wasserstein_threshold", defaults.WassersteinThreshold, 0),
            TextThreshold = s.Number("text_threshold", defaults.TextThreshold, 0.5, 1),
            ForcedMethod = s.Text("method") is { } method ? Method(s.Dotted("method"), method) : null,
            Columns = ReadColumns(s),
        };
    }

    private static Dictionary<string, ColumnDriftOptions> ReadColumns(ParamSection s)
    {
        var columns = new Dictionary<string, ColumnDriftOptions>(StringComparer.Ordinal);
        foreach (var (key, value) in s.Group("columns"))
        {
            var dot = key.LastIndexOf('.');
            var (column, setting) = dot > 0 ? (key[..dot], key[(dot + 1)..]) : ("", key);
            var dotted = s.Dotted("columns." + key);
            if (column.Length == 0 || !ColumnKeys.Contains(setting))
            {
                throw new ParamException(
                    $"Unknown parameter '{dotted}' in params.yaml. Known per column: {s.Dotted("columns")}.<name>.method, {s.Dotted("columns")}.<name>.threshold, {s.Dotted("columns")}.<name>.period.");
            }

            var current = columns.GetValueOrDefault(column) ?? new ColumnDriftOptions();
            columns[column] = setting switch
            {
                "method" => current with { Method = Method(dotted, value) },
                "period" => current with { Period = ParamValue.Number(dotted, value, 0) },
                _ => current with { Threshold = ParamValue.Number(dotted, value, 0) },
            };
        }

        return columns;
    }

    private static DriftMethod Method(string key, string value) =>
        DriftMethods.TryParse(value) ?? throw ParamValue.Bad(key, value, "one of: " + string.Join(", ", DriftMethods.WireNames));
}
