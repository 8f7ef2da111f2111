using Microsoft.ML;
using Microsoft.ML.Data;

namespace Pipeline.Ml.Features;

/// <summary>
/// The numeric inputs (columns and derived features) as one vector column, imputed, clipped and scaled per slot by a
/// fixed number of transforms whatever the column count: fill, then (when <c>featurize.outliers</c> is on) clip, then
/// scale. Fill values, clipping bounds and the z-score and min-max scales are <see cref="NumericStatistics"/> of the train
/// split (see <see cref="ScaleDivisor"/>); only robust scaling is fitted on the filled and clipped train rows.
/// </summary>
internal static class NumericBlock
{
    /// <summary>The output vector column.</summary>
    public const string Column = "__numeric";

    private const string Plain = "__numeric_plain";
    private const string Clipped = "__numeric_clipped";
    private const string ClipToUnit = "x => x < 0 ? 0 : (x > 1 ? 1 : x)";

    /// <summary>Appends the block's steps to <paramref name="chain"/>; false when there is no numeric input.</summary>
    public static bool Add(MLContext ml, ChainFitter chain, IReadOnlyList<NumericStatistics> stats, FeaturizerOptions options)
    {
        if (stats.Count == 0) return false;
        var bounds = stats.Select(s => Clipping(s, options)).ToList();
        var plain = stats.Where((_, i) => bounds[i] is null).ToList();
        var clipped = stats.Select((s, i) => (Stats: s, Bounds: bounds[i])).Where(c => c.Bounds is not null).ToList();
        var parts = new List<string>();
        if (plain.Count > 0)
        {
            chain.Add(ml.Transforms.Concatenate(Plain, [.. plain.Select(s => s.Name)]))
                .Add(SlotConstants.FillMissing(ml, Plain, NumberDataViewType.Single, [.. plain.Select(s => s.Fill(options))]));
            parts.Add(Plain);
        }
        if (clipped.Count > 0)
        {
            // NOTE: clipping is (x − low) / (high − low), clamped to [0, 1], mapped back by u·(high − low) + low; in double,
            // so that mapping back reproduces the bounds to float precision even for large values with narrow bounds.
            var low = clipped.Select(c => c.Bounds!.Value.Low).ToList();
            var high = clipped.Select(c => c.Bounds!.Value.High).ToList();
            var backFrom = low.Select((l, i) => -l / (high[i] - l)).ToList();
            var backTo = backFrom.Select((f, i) => f + 1 / (high[i] - low[i])).ToList();
            chain.Add(ml.Transforms.Concatenate(Clipped, [.. clipped.Select(c => c.Stats.Name)]))
                .Add(ml.Transforms.Conversion.ConvertType(Clipped, outputKind: DataKind.Double))
                .Add(SlotConstants.FillMissing(ml, Clipped, NumberDataViewType.Double, [.. clipped.Select(c => c.Stats.Fill(options))]))
                .Add(SlotConstants.Affine(ml, Clipped, NumberDataViewType.Double, low, high))
                .Add(ml.Transforms.Expression(Clipped, ClipToUnit, Clipped))
                .Add(SlotConstants.Affine(ml, Clipped, NumberDataViewType.Double, backFrom, backTo))
                .Add(ml.Transforms.Conversion.ConvertType(Clipped, outputKind: DataKind.Single));
            parts.Add(Clipped);
        }
        chain.Add(ml.Transforms.Concatenate(Column, [.. parts]));
        // NOTE: the slots are the plain inputs, then the clipped ones; z-score and min-max take their parameters from the
        // statistics (no pass over the rows), robust scaling is fitted by ML.NET on the filled and clipped train rows.
        var slots = plain.Select(s => (Stats: s, Bounds: ((double, double)?)null)).Concat(clipped).ToList();
        switch (options.Scaling)
        {
            case ScalingStrategy.MinMax or ScalingStrategy.ZScore:
                chain.Add(SlotConstants.Scale(ml, Column, [.. slots.Select(s => ScaleDivisor.Of(s.Stats, s.Stats.Fill(options), s.Bounds, options.Scaling))]));
                break;
            case ScalingStrategy.Robust:
                chain.Add(ml.Transforms.NormalizeRobustScaling(Column));
                break;
        }
        return true;
    }

    /// <summary>The clipping bounds of one input, or null when it is not clipped (clipping off, or bounds undefined or without spread).</summary>
    private static (double Low, double High)? Clipping(NumericStatistics stats, FeaturizerOptions options) =>
        stats.Bounds(options) is { } b && b.High > b.Low && double.IsFinite(1 / (b.High - b.Low)) && double.IsFinite(b.Low / (b.High - b.Low)) ? b : null;
}
