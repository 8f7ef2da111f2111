using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Pipeline.Ml.Features;

/// <summary>
/// Built-in ML.NET transforms of a vector column whose per-slot parameters are given (train statistics computed by
/// <see cref="NumericStatistics"/>) instead of learned from the rows: each is fitted on one or two synthetic rows
/// whose statistic is exactly the wanted value. The saved model holds only ML.NET's own transforms, so it loads
/// without registering custom code, and one transform serves every slot however wide the vector is.
/// </summary>
internal static class SlotConstants
{
    /// <summary>Replaces a missing value in slot i of <paramref name="column"/> by <paramref name="fill"/>[i] (in place).</summary>
    // NOTE: the mean of one row is that row, so ReplaceMissingValues(Mean, by slot) fitted on it fills with exactly it.
    public static ITransformer FillMissing(MLContext ml, string column, NumberDataViewType type, IReadOnlyList<double> fill) =>
        ml.Transforms.ReplaceMissingValues(column, replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean, imputeBySlot: true)
            .Fit(Rows(ml, column, type, fill));

    /// <summary>
    /// Maps slot i of <paramref name="column"/> (in place) by x ↦ (x − <paramref name="from"/>[i]) / (<paramref name="to"/>[i] − <paramref name="from"/>[i]),
    /// so <paramref name="from"/> goes to 0 and <paramref name="to"/> to 1. Requires to[i] ≠ from[i].
    /// </summary>
    // NOTE: min-max without fixZero fitted on the two rows (from, to) is exactly this map; with a Double column the
    // scale 1 / (to − from) is computed in double, so nearly equal large bounds keep their precision.
    public static ITransformer Affine(MLContext ml, string column, NumberDataViewType type, IReadOnlyList<double> from, IReadOnlyList<double> to) =>
        ml.Transforms.NormalizeMinMax(column, fixZero: false).Fit(Rows(ml, column, type, from, to));

    /// <summary>
    /// Divides slot i of <paramref name="column"/> (in place, Single) by <paramref name="divisor"/>[i], or maps it to 0 when
    /// divisor[i] is 0: the fixed-zero scaling of ML.NET's z-score and min-max normalizers, with their parameters given.
    /// </summary>
    // NOTE: min-max with fixZero fitted on the two rows (d, −d) scales by 1 / max(|d|, |−d|) = 1 / d, and by 0 when d = 0.
    public static ITransformer Scale(MLContext ml, string column, IReadOnlyList<double> divisor) =>
        ml.Transforms.NormalizeMinMax(column, fixZero: true).Fit(Rows(ml, column, NumberDataViewType.Single, divisor, [.. divisor.Select(d => -d)]));

    private static IDataView Rows(MLContext ml, string column, NumberDataViewType type, params IReadOnlyList<double>[] rows) =>
        type == NumberDataViewType.Double
            ? Rows(ml, column, type, rows.Select(r => r.ToArray()))
            : Rows(ml, column, type, rows.Select(r => r.Select(v => (float)v).ToArray()));

    private static IDataView Rows<T>(MLContext ml, string column, NumberDataViewType type, IEnumerable<T[]> rows)
    {
        var list = rows.ToList();
        var definition = SchemaDefinition.Create(typeof(SlotRow<T>));
        definition[0].ColumnName = column;
        definition[0].ColumnType = new VectorDataViewType(type, list[0].Length);
        return ml.Data.LoadFromEnumerable(list.Select(r => new SlotRow<T> { Values = r }), definition);
    }
}
