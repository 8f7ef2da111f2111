namespace Pipeline.Serving.Rollouts;

/// <summary>
/// One labelled prediction: is-correct (1/0) or the absolute error (<see cref="IsError"/>), and for a binary model its
/// probability and the true class.
/// </summary>
internal sealed record LabelledOutcome(double Value, bool IsError, double? Score = null, bool? Positive = null);
