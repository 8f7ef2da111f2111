using System.Diagnostics;

namespace Pipeline.Serving.Bench;

/// <summary>
/// A closed-loop load generator: <c>callers</c> tasks each send one call, await the answer, and send the next, first
/// for the warm-up (not recorded) and then for the measured seconds; every call's latency is kept for exact percentiles.
/// </summary>
internal static class LoadGenerator
{
    /// <summary>Runs <paramref name="call"/> (caller index → success) from <paramref name="callers"/> concurrent callers.</summary>
    public static async Task<LoadResult> RunAsync(string scenario, int callers, TimeSpan warmup, TimeSpan measured, Func<int, Task<bool>> call)
    {
        var warm = await PhaseAsync(callers, warmup, call, record: false);
        var started = Stopwatch.GetTimestamp();
        var perCaller = await PhaseAsync(callers, measured, call, record: true);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var latencies = perCaller.SelectMany(c => c.Latencies).ToArray();
        Array.Sort(latencies);
        var errors = perCaller.Sum(c => c.Errors);
        return new LoadResult(scenario, latencies.Length, errors, seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Length == 0 ? 0 : latencies[^1])
        {
            WarmupCalls = warm.Sum(c => c.Calls),
        };
    }

    private static async Task<(List<double> Latencies, long Errors, long Calls)[]> PhaseAsync(int callers, TimeSpan length, Func<int, Task<bool>> call, bool record)
    {
        var end = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var tasks = Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var latencies = new List<double>(record ? 65_536 : 0);
            long errors = 0;
            long calls = 0;
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await call(c);
                }
                catch (Exception e) when (e is HttpRequestException or global::Grpc.Core.RpcException or TaskCanceledException or IOException)
                {
                    ok = false;
                }

                calls++;
                if (record)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    errors += ok ? 0 : 1;
                }
            }

            return (latencies, errors, calls);
        })).ToArray();
        return await Task.WhenAll(tasks);
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
