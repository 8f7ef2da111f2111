namespace Pipeline.Serving.Rollouts;

/// <summary>The health windows of the stable model and the canary during one canary step.</summary>
internal sealed class StepHealth
{
    /// <summary>Requests the stable (incumbent) model answered.</summary>
    public VariantWindow Stable { get; } = new();

    /// <summary>Requests routed to the candidate (failures included).</summary>
    public VariantWindow Candidate { get; } = new();
}
