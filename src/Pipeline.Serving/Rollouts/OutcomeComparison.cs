namespace Pipeline.Serving.Rollouts;

/// <summary>The labelled outcomes of the stable model and the candidate over a whole canary (kept across its steps).</summary>
internal sealed class OutcomeComparison
{
    /// <summary>Predictions the stable model answered.</summary>
    public LabelledOutcomes Stable { get; } = new();

    /// <summary>Predictions the candidate answered.</summary>
    public LabelledOutcomes Candidate { get; } = new();

    /// <summary>Joins a label to whichever variant answered <paramref name="rowId"/>.</summary>
    public void Labelled(string rowId, bool truth)
    {
        if (!Candidate.Labelled(rowId, truth)) Stable.Labelled(rowId, truth);
    }
}
