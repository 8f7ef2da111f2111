namespace Pipeline.Serving.Rollouts;

/// <summary>
/// The canary's labelled comparison: whether both variants have enough labelled predictions, whether the canary is
/// significantly worse than the stable model, and the figures as one line.
/// </summary>
internal sealed record LabelledVerdict(bool Enough, bool Worse, string Reason);
