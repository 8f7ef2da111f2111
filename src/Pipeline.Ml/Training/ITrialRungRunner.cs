namespace Pipeline.Ml.Training;

/// <summary>
/// Runs the trials of one successive-halving rung somewhere other than this process (e.g. as one job array on a
/// cluster scheduler). Each trial must be computed as <see cref="TrialWorker.Run"/> computes it, from the same
/// training inputs and options, so the search ranks the same values a local run would. Null in
/// <see cref="ModelTrainer"/> means in-process trials.
/// </summary>
public interface ITrialRungRunner
{
    /// <summary>Runs <paramref name="rung"/>'s trials; returns one result per trial of <see cref="TrialRung.Trials"/>, in any order.</summary>
    IReadOnlyList<TrialResult> Run(TrialRung rung, CancellationToken cancellation);
}
