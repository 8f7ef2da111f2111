using System.Globalization;

namespace Pipeline.Serving.Bench;

/// <summary>The host's unlabelled Prometheus samples the report uses (prediction log counters, process CPU).</summary>
internal sealed record HostMetrics(long Written, long Dropped, long Refused, long Failed, long QueueDepth, double CpuSeconds)
{
    /// <summary>Scrapes <c>/metrics</c>.</summary>
    public static async Task<HostMetrics> ReadAsync(RestCalls rest)
    {
        var samples = (await rest.TextAsync("/metrics")).Split('\n')
            .Select(l => l.Replace("{} ", " ", StringComparison.Ordinal))
            .Where(l => l.Length > 0 && l[0] != '#' && !l.Contains('{', StringComparison.Ordinal))
            .Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        long Count(string name) => (long)samples.GetValueOrDefault(name);
        return new HostMetrics(
            Count("serving_prediction_log_written_total"), Count("serving_prediction_log_dropped_total"), Count("serving_prediction_log_refused_requests_total"), Count("serving_prediction_log_failed_total"),
            Count("serving_prediction_log_queue_depth"), samples.GetValueOrDefault("process_cpu_seconds_total"));
    }

    /// <summary>
    /// Waits (up to 60 s) until the host's prediction log queue is empty, so that one scenario's log backlog is not
    /// written, and its CPU counted, during the next one; returns the metrics then.
    /// </summary>
    public static async Task<HostMetrics> DrainedAsync(RestCalls rest)
    {
        var metrics = await ReadAsync(rest);
        for (var wait = 0; metrics.QueueDepth > 0 && wait < 600; wait++)
        {
            await Task.Delay(100);
            metrics = await ReadAsync(rest);
        }

        return metrics;
    }

    /// <summary>The counters' growth since <paramref name="before"/>, as one report line.</summary>
    public string Since(HostMetrics before, long calls) => FormattableString.Invariant(
        $"log written +{Written - before.Written}, refused requests +{Refused - before.Refused}, dropped +{Dropped - before.Dropped}, failed +{Failed - before.Failed}, queue depth {QueueDepth}; host CPU {CpuSeconds - before.CpuSeconds:F1} s ({(CpuSeconds - before.CpuSeconds) * 1e6 / Math.Max(1, calls):F0} µs/call)");
}
