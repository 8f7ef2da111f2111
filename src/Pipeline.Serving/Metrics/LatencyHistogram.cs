namespace Pipeline.Serving.Metrics;

/// <summary>A lock-free Prometheus histogram of request latency in seconds.</summary>
internal sealed class LatencyHistogram
{
    /// <summary>Upper bounds in seconds (the +Inf bucket is implied).</summary>
    public static readonly double[] Bounds = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly long[] counts = new long[Bounds.Length + 1];
    private long sumMicroseconds;

    /// <summary>Records one observation.</summary>
    public void Observe(double seconds)
    {
        var i = 0;
        while (i < Bounds.Length && seconds > Bounds[i])
        {
            i++;
        }

        Interlocked.Increment(ref counts[i]);
        Interlocked.Add(ref sumMicroseconds, (long)(seconds * 1e6));
    }

    /// <summary>Cumulative counts per bound, then the total (the +Inf bucket).</summary>
    public long[] Cumulative()
    {
        var result = new long[counts.Length];
        long total = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            total += Interlocked.Read(ref counts[i]);
            result[i] = total;
        }

        return result;
    }

    /// <summary>The sum of observations in seconds.</summary>
    public double Sum => Interlocked.Read(ref sumMicroseconds) / 1e6;
}
