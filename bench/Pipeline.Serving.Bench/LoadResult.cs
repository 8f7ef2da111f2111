namespace Pipeline.Serving.Bench;

/// <summary>What one measured scenario achieved: answered calls, failures, throughput and latency percentiles.</summary>
internal sealed record LoadResult(string Scenario, long Calls, long Errors, double Seconds, double P50Ms, double P99Ms, double MaxMs)
{
    /// <summary>Calls made during the warm-up (not in the percentiles), for CPU-per-call figures.</summary>
    public long WarmupCalls { get; init; }

    /// <summary>Calls made in warm-up and measured time together.</summary>
    public long AllCalls => WarmupCalls + Calls;

    /// <summary>Successful calls per second.</summary>
    public double Throughput => (Calls - Errors) / Seconds;

    /// <summary>One table row: scenario, req/s, p50, p99, max, calls, errors.</summary>
    public string Row() => FormattableString.Invariant(
        $"| {Scenario,-36} | {Throughput,9:F0} | {P50Ms,7:F2} | {P99Ms,7:F2} | {MaxMs,8:F1} | {Calls,9} | {Errors,6} |");

    /// <summary>The header of <see cref="Row"/>.</summary>
    public const string Header = "| scenario                             |     req/s | p50 ms  | p99 ms  |   max ms |     calls | errors |\n|---|---:|---:|---:|---:|---:|---:|";
}
