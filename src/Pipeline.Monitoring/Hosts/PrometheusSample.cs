namespace Pipeline.Monitoring.Hosts;

/// <summary>One sample line of the Prometheus text format: metric name, labels and value (the timestamp is dropped).</summary>
/// <param name="Name">The metric name, e.g. <c>serving_requests_total</c>.</param>
/// <param name="Labels">Label values by label name (unescaped).</param>
/// <param name="Value">The value; NaN and infinities as in the text.</param>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>The value of <paramref name="label"/>, or "" when the sample has no such label.</summary>
    public string Label(string label) => Labels.TryGetValue(label, out var value) ? value : "";
}
