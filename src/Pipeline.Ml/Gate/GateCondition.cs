namespace Pipeline.Ml.Gate;

/// <summary>One gate condition and its outcome, e.g. <c>min auc: 0.82 ≥ 0.85 FAIL</c>.</summary>
public sealed record GateCondition(string Condition, string Metric, double Value, double Threshold, bool Passed)
{
    /// <summary>Why the condition passed or failed, in words.</summary>
    public string Note { get; init; } = "";
}
