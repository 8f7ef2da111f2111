namespace Pipeline.Serving.Rollouts;

/// <summary>
/// One variant's binary predictions during a rollout, joined by request id to the feedback labels that arrive later
/// (possibly steps later): the latest <see cref="Capacity"/> unlabelled predictions wait for their label. Thread-safe.
/// </summary>
internal sealed class LabelledOutcomes
{
    /// <summary>How many unlabelled predictions wait for a label; older ones are forgotten.</summary>
    public const int Capacity = 65536;

    private readonly Lock gate = new();
    private readonly Dictionary<string, (double Score, bool Predicted)> pending = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();
    private readonly List<(double Score, bool Predicted, bool Truth)> outcomes = [];

    /// <summary>Remembers an answered binary prediction until its label arrives.</summary>
    public void Predicted(string rowId, double score, bool predicted)
    {
        lock (gate)
        {
            if (!pending.TryAdd(rowId, (score, predicted))) return;
            order.Enqueue(rowId);
            while (order.Count > Capacity) pending.Remove(order.Dequeue());
        }
    }

    /// <summary>Joins a label to its prediction; false when this variant did not answer <paramref name="rowId"/>.</summary>
    public bool Labelled(string rowId, bool truth)
    {
        lock (gate)
        {
            if (!pending.Remove(rowId, out var p)) return false;
            outcomes.Add((p.Score, p.Predicted, truth));
            return true;
        }
    }

    /// <summary>A copy of the labelled outcomes so far.</summary>
    public (double Score, bool Predicted, bool Truth)[] Snapshot()
    {
        lock (gate) return [.. outcomes];
    }
}
