using Pipeline.Formats.Columns;
using Pipeline.Monitoring.Statistics;

namespace Pipeline.Monitoring.Drift;

/// <summary>Chooses the method for one column and computes its statistic, p-value, effect size and verdict.</summary>
internal static class ColumnDriftCalculator
{
    /// <summary>Drift of one column; kinds of the two sides must agree.</summary>
    public static ColumnDrift Compute(DatasetColumn reference, DatasetColumn current, DriftOptions options)
    {
        Validate(reference, current, options);
        var numeric = reference.Kind == ColumnKind.Numeric;
        // NOTE: a text column's default method does not depend on the reference size, so it is known before counting.
        var textual = reference.Kind == ColumnKind.Text && ChooseMethod(reference.Name, reference.Kind, 0, options) == DriftMethod.DomainClassifier;
        double[] refNumbers = [], curNumbers = [];
        string[] refTexts = [], curTexts = [];
        Dictionary<string, int> refLabels = [], curLabels = [];
        double? period = null;
        int refSize, curSize;
        if (numeric)
        {
            // NOTE: every numeric statistic walks sorted data, so each side is extracted and sorted once, here.
            (refNumbers, curNumbers) = (reference.SortedPresentNumbers(), current.SortedPresentNumbers());
            (refSize, curSize) = (refNumbers.Length, curNumbers.Length);
            period = Period(reference.Name, refNumbers, options);
            if (period is { } p)
            {
                var cut = CyclicValues.Cut(refNumbers, p);
                (refNumbers, curNumbers) = (CyclicValues.Unwrap(refNumbers, p, cut), CyclicValues.Unwrap(curNumbers, p, cut));
            }
        }
        else if (textual)
        {
            (refTexts, curTexts) = (reference.PresentLabels(), current.PresentLabels());
            (refSize, curSize) = (refTexts.Length, curTexts.Length);
        }
        else
        {
            // NOTE: categorical drift only needs counts, so the labels are counted in place, never copied.
            (refLabels, curLabels) = (reference.CountLabels(), current.CountLabels());
            (refSize, curSize) = (Total(refLabels), Total(curLabels));
        }

        var method = ChooseMethod(reference.Name, reference.Kind, refSize, options);
        options.Columns.TryGetValue(reference.Name, out var overrides);
        var threshold = overrides?.Threshold ?? options.DefaultThreshold(method);
        var result = new ColumnDrift
        {
            Name = reference.Name, Method = method, Threshold = threshold, ReferenceSize = refSize, CurrentSize = curSize, Period = period,
        };
        if (refSize == 0 || curSize == 0) return result with { InsufficientData = true };

        double statistic, pValue, effect;
        string measure;
        if (textual)
        {
            var (auc, nullSd, p) = TextDomainClassifier.Compare(refTexts, curTexts, options.TextSeed);
            (statistic, pValue, effect, measure) = (auc, p, auc, "roc_auc");
            if (!double.IsNaN(nullSd)) threshold = Math.Max(threshold, 0.5 + options.TextMarginSds * nullSd);
        }
        else
        {
            (statistic, pValue, effect, measure) = numeric
                ? NumericStatistic(method, reference, period, refNumbers, curNumbers, options)
                : CategoricalStatistic(method, refLabels, curLabels, options);
        }

        // NOTE: below the minimum sample size the statistic is still reported, so a person can judge it, but it never
        // raises drift on its own: a handful of values is too few for the verdict to be trusted.
        var insufficient = refSize < options.MinimumSampleSize || curSize < options.MinimumSampleSize;
        var drift = !insufficient && (method.IsTest() ? pValue < threshold : statistic >= threshold);
        return result with
        {
            Statistic = statistic, PValue = double.IsNaN(pValue) ? null : pValue, Threshold = threshold, Drift = drift,
            EffectSize = effect, EffectSizeMeasure = measure, InsufficientData = insufficient,
        };
    }

    /// <summary>Throws the usage errors of a column pair (kind mismatch, unsupported override) before any work.</summary>
    public static void Validate(DatasetColumn reference, DatasetColumn current, DriftOptions options)
    {
        if (reference.Kind != current.Kind)
        {
            throw new ArgumentException(
                $"Column '{reference.Name}' is {reference.Kind} in the reference but {current.Kind} in the current data.");
        }

        ChooseMethod(reference.Name, reference.Kind, 0, options);
    }

    /// <summary>Forced method (where the kind supports it), else the column override, else by kind and reference size.</summary>
    internal static DriftMethod ChooseMethod(string name, ColumnKind kind, int referenceSize, DriftOptions options)
    {
        if (options.ForcedMethod is { } forced && forced.Supports(kind)) return forced;
        if (options.Columns.TryGetValue(name, out var o) && o.Method is { } chosen)
        {
            return chosen.Supports(kind)
                ? chosen
                : throw new ArgumentException(
                    $"Drift method '{chosen.WireName()}' cannot run on {kind.ToString().ToLowerInvariant()} column '{name}'. Use {Alternatives(kind)}.");
        }

        if (kind == ColumnKind.Text) return DriftMethod.DomainClassifier;
        var small = referenceSize <= options.LargeReferenceSize;
        return kind == ColumnKind.Numeric
            ? small ? DriftMethod.Ks : DriftMethod.Wasserstein
            : small ? DriftMethod.ChiSquare : DriftMethod.JensenShannon;
    }

    private static string Alternatives(ColumnKind kind) => kind switch
    {
        ColumnKind.Numeric => "ks, chi2, psi, js or wasserstein",
        ColumnKind.Text => "domain_classifier, chi2, psi or js",
        _ => "chi2, psi or js",
    };

    /// <summary>
    /// The period of a cyclic numeric column: the column's <c>period</c> override (0 = not cyclic), else
    /// <see cref="CyclicPeriod"/>'s rule on the name and the reference's range.
    /// </summary>
    internal static double? Period(string name, double[] sortedReference, DriftOptions options)
    {
        if (options.Columns.TryGetValue(name, out var o) && o.Period is { } period) return period > 0 ? period : null;
        return sortedReference.Length == 0 ? null : CyclicPeriod.Of(name, sortedReference[0], sortedReference[^1]);
    }

    private static (double Statistic, double PValue, double Effect, string Measure) NumericStatistic(
        DriftMethod method, DatasetColumn referenceColumn, double? period, double[] reference, double[] current, DriftOptions options)
    {
        switch (method)
        {
            case DriftMethod.Ks:
                var ks = KolmogorovSmirnov.TwoSampleSorted(reference, current);
                return (ks.Statistic, ks.PValue, ks.Statistic, "ks_statistic");
            case DriftMethod.Wasserstein:
                // NOTE: Evidently's normalisation: divide by the reference's population std, floored at 0.001.
                // A cyclic column's spread is that of its unwrapped values (hours around midnight are close together).
                var std = period is null ? referenceColumn.PresentPopulationStd() : CyclicValues.PopulationStd(reference);
                var normed = Statistics.Wasserstein.DistanceSorted(reference, current) / Math.Max(std, 0.001);
                return (normed, double.NaN, normed, "wasserstein_normed");
        }

        var cuts = PopulationStabilityIndex.CutPointsSorted(reference, options.Bins);
        var refCounts = PopulationStabilityIndex.Histogram(cuts, reference, options.Bins);
        var curCounts = PopulationStabilityIndex.Histogram(cuts, current, options.Bins);
        return FromCounts(method, refCounts, curCounts, options);
    }

    private static (double Statistic, double PValue, double Effect, string Measure) CategoricalStatistic(
        DriftMethod method, Dictionary<string, int> refByLabel, Dictionary<string, int> curByLabel, DriftOptions options)
    {
        var categories = refByLabel.Keys.Union(curByLabel.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var refCounts = categories.Select(c => (long)refByLabel.GetValueOrDefault(c)).ToArray();
        var curCounts = categories.Select(c => (long)curByLabel.GetValueOrDefault(c)).ToArray();
        return FromCounts(method, refCounts, curCounts, options);
    }

    private static int Total(Dictionary<string, int> counts)
    {
        var total = 0;
        foreach (var count in counts.Values) total += count;
        return total;
    }

    private static (double Statistic, double PValue, double Effect, string Measure) FromCounts(
        DriftMethod method, long[] refCounts, long[] curCounts, DriftOptions options)
    {
        switch (method)
        {
            case DriftMethod.Psi:
                var psi = PopulationStabilityIndex.FromCounts(refCounts, curCounts, options.PsiEpsilon);
                return (psi, double.NaN, psi, "psi");
            case DriftMethod.JensenShannon:
                var js = JensenShannon.Distance(
                    refCounts.Select(c => (double)c).ToArray(), curCounts.Select(c => (double)c).ToArray(), options.JensenShannonBase);
                return (js, double.NaN, js, "js_distance");
        }

        // NOTE: chi-square on the 2 x k table (reference row, current row); bins or categories empty on both sides are dropped.
        var keep = Enumerable.Range(0, refCounts.Length).Where(i => refCounts[i] + curCounts[i] > 0).ToArray();
        if (keep.Length < 2) return (0.0, 1.0, 0.0, "cramers_v");
        IReadOnlyList<double>[] table =
        [
            keep.Select(i => (double)refCounts[i]).ToArray(),
            keep.Select(i => (double)curCounts[i]).ToArray(),
        ];
        var chi = ChiSquare.Contingency(table);
        return (chi.Statistic, chi.PValue, chi.CramersV, "cramers_v");
    }
}
