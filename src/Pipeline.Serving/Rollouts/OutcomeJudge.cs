using System.Globalization;
using Pipeline.Monitoring.Reports;

namespace Pipeline.Serving.Rollouts;

/// <summary>
/// Compares candidate and stable on labelled traffic: accuracy at each model's own threshold (two-proportion z-test) and
/// ROC AUC, the binary main metric (z on the Hanley-McNeil standard errors). Worse means significantly worse at
/// <c>alpha</c> (two-sided p, candidate below). Pure: the same outcomes give the same verdict.
/// </summary>
internal static class OutcomeJudge
{
    /// <summary>Labels of each class AUC needs per variant.</summary>
    public const int MinimumClassLabels = 5;

    /// <summary>The verdict once both variants have <paramref name="minLabels"/> labelled predictions (else not enough).</summary>
    public static CanaryVerdict Judge(
        (double Score, bool Predicted, bool Truth)[] stable, (double Score, bool Predicted, bool Truth)[] candidate, int minLabels, double alpha)
    {
        if (stable.Length < minLabels || candidate.Length < minLabels)
        {
            return CanaryVerdict.Waiting(Format("waiting for {0} labelled predictions per variant (stable {1}, candidate {2})", minLabels, stable.Length, candidate.Length));
        }

        long stableRight = stable.Count(o => o.Predicted == o.Truth), candidateRight = candidate.Count(o => o.Predicted == o.Truth);
        var (z, p) = Significance.TwoProportion(stableRight, stable.Length, candidateRight, candidate.Length);
        var (stableAccuracy, candidateAccuracy) = (stableRight / (double)stable.Length, candidateRight / (double)candidate.Length);
        if (z < 0 && p < alpha)
        {
            return new CanaryVerdict(true, false, Format("candidate accuracy {0:F4} is significantly below stable {1:F4} on labelled traffic (z {2:F2}, p {3:G3} < {4}; {5} and {6} labels)",
                candidateAccuracy, stableAccuracy, z, p, alpha, candidate.Length, stable.Length));
        }

        var stableAuc = RocAuc.Compute(stable.Select(o => (o.Score, o.Truth)).ToList(), MinimumClassLabels);
        var candidateAuc = RocAuc.Compute(candidate.Select(o => (o.Score, o.Truth)).ToList(), MinimumClassLabels);
        var aucText = "AUC n/a (too few of a class)";
        if (stableAuc is { } s && candidateAuc is { } c)
        {
            var se = Math.Sqrt(Square(HalfWidth(s.Auc, s.Interval)) + Square(HalfWidth(c.Auc, c.Interval))) / Monitoring.Performance.WilsonInterval.Z95;
            var aucZ = se == 0 ? 0 : (c.Auc - s.Auc) / se;
            var aucP = Significance.Erfc(Math.Abs(aucZ) / Math.Sqrt(2));
            if (aucZ < 0 && aucP < alpha)
            {
                return new CanaryVerdict(true, false, Format("candidate AUC {0:F4} is significantly below stable {1:F4} on labelled traffic (z {2:F2}, p {3:G3} < {4})", c.Auc, s.Auc, aucZ, aucP, alpha));
            }

            aucText = Format("AUC {0:F4} vs {1:F4}", c.Auc, s.Auc);
        }

        return new CanaryVerdict(true, true, Format("labelled: accuracy {0:F4} vs stable {1:F4}, {2} ({3} and {4} labels)", candidateAccuracy, stableAccuracy, aucText, candidate.Length, stable.Length));
    }

    // NOTE: the interval is AUC ± z·se clipped to [0, 1], so its wider half is the unclipped z·se.
    private static double HalfWidth(double auc, Monitoring.Performance.WilsonInterval interval) => Math.Max(auc - interval.Lower, interval.Upper - auc);

    private static double Square(double x) => x * x;

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
