namespace Pipeline.Ml.Training;

/// <summary>
/// params.yaml <c>train.trainers</c> resolved for one task: the catalogue names to search (in the listed order,
/// without repeats) and one note per name that was mapped to a counterpart or skipped for lack of one.
/// </summary>
internal sealed record TrainerSelection(IReadOnlyList<string> Trainers, IReadOnlyList<string> Notes);
