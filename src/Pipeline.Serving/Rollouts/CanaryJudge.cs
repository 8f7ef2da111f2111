using System.Globalization;
using Pipeline.Monitoring.Statistics;

namespace Pipeline.Serving.Rollouts;

/// <summary>
/// Compares a canary step's windows against <see cref="CanaryBounds"/>: error rate above the stable one, p95 latency
/// against a multiple of the stable p95, and the population stability index of canary scores against stable scores.
/// Pure: the same windows give the same verdict.
/// </summary>
internal static class CanaryJudge
{
    /// <summary>Judges one step.</summary>
    public static CanaryVerdict Judge(WindowSnapshot stable, WindowSnapshot canary, CanaryBounds bounds)
    {
        if (canary.Requests >= bounds.MinSamples && canary.ErrorRate - stable.ErrorRate > bounds.MaxErrorRateIncrease)
        {
            return new CanaryVerdict(true, false, Format("canary error rate {0:P1} exceeds stable {1:P1} by more than {2:P1} ({3} of {4} requests failed)", canary.ErrorRate, stable.ErrorRate, bounds.MaxErrorRateIncrease, canary.Failures, canary.Requests));
        }

        if (canary.Requests < bounds.MinSamples || stable.Requests < bounds.MinSamples)
        {
            return CanaryVerdict.Waiting(Format("waiting for {0} requests per variant (stable {1}, canary {2})", bounds.MinSamples, stable.Requests, canary.Requests));
        }

        var latencyLimit = (stable.P95Ms * bounds.MaxP95Ratio) + bounds.P95SlackMs;
        if (canary.P95Ms > latencyLimit)
        {
            return new CanaryVerdict(true, false, Format("canary p95 latency {0:F1} ms exceeds the limit {1:F1} ms (stable p95 {2:F1} ms)", canary.P95Ms, latencyLimit, stable.P95Ms));
        }

        if (bounds.MaxPsi is { } maxPsi && stable.Scores.Length > 0 && canary.Scores.Length > 0)
        {
            var psi = PopulationStabilityIndex.Numeric(stable.Scores, canary.Scores).Psi;
            if (psi > maxPsi)
            {
                return new CanaryVerdict(true, false, Format("canary scores shifted: PSI {0:F3} > {1:F3} (mean score {2:F3} vs stable {3:F3})", psi, maxPsi, canary.MeanScore, stable.MeanScore));
            }
        }

        return new CanaryVerdict(true, true, Format("healthy: error rate {0:P1}, p95 {1:F1} ms, mean score {2:F3} (stable {3:P1}, {4:F1} ms, {5:F3})", canary.ErrorRate, canary.P95Ms, canary.MeanScore, stable.ErrorRate, stable.P95Ms, stable.MeanScore));
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
