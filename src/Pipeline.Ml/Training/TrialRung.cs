namespace Pipeline.Ml.Training;

/// <summary>One rung of a search: its number, its data fraction and the trial numbers (sampled configurations) still in it.</summary>
public sealed record TrialRung(int Rung, double DataFraction, IReadOnlyList<int> Trials);
