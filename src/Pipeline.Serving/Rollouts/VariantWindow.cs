namespace Pipeline.Serving.Rollouts;

/// <summary>
/// Requests, failures, latencies and scores one variant saw during a canary step; latencies and scores keep the
/// latest <see cref="Capacity"/> values. Thread-safe (a short lock per observation).
/// </summary>
internal sealed class VariantWindow
{
    /// <summary>How many latencies and scores are kept.</summary>
    public const int Capacity = 4096;

    private readonly Lock gate = new();
    private readonly double[] latencies = new double[Capacity];
    private readonly double[] scores = new double[Capacity];
    private long requests;
    private long failures;
    private long scored;

    /// <summary>Records an answered request: its latency and each row's score.</summary>
    public void Answered(double latencyMs, IEnumerable<float> rowScores)
    {
        lock (gate)
        {
            latencies[requests++ % Capacity] = latencyMs;
            foreach (var score in rowScores)
            {
                scores[scored++ % Capacity] = score;
            }
        }
    }

    /// <summary>Records a request the variant failed.</summary>
    public void Failed()
    {
        lock (gate)
        {
            requests++;
            failures++;
        }
    }

    /// <summary>A consistent copy of the window.</summary>
    public WindowSnapshot Snapshot()
    {
        lock (gate)
        {
            var answered = requests - failures;
            var l = latencies.Take((int)Math.Min(answered, Capacity)).Order().ToArray();
            var s = scores.Take((int)Math.Min(scored, Capacity)).Where(double.IsFinite).ToArray();
            var p95 = l.Length == 0 ? 0 : l[Math.Min(l.Length - 1, (int)Math.Ceiling(0.95 * l.Length) - 1)];
            return new WindowSnapshot(requests, failures, p95, s);
        }
    }
}
