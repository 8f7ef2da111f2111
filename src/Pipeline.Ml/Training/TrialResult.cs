using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Training;

/// <summary>
/// The outcome of one trial: configuration, rung and data fraction, the validation value of the optimised metric
/// (NaN when the trainer failed, with <see cref="Error"/>), wall time, and the validation predictions.
/// </summary>
public sealed record TrialResult(int Trial, int Rung, double DataFraction, string Trainer, IReadOnlyDictionary<string, double> Params, double Value)
{
    /// <summary>Wall time of the trial; never written to trials.csv (kept out so that file is reproducible).</summary>
    public long DurationMs { get; init; }

    /// <summary>Why the trainer failed, when it did.</summary>
    public string? Error { get; init; }

    /// <summary>The cluster node the trial ran on; null when it ran in this process.</summary>
    public string? Node { get; init; }

    /// <summary>The scheduler's id of the trial's job (a Slurm array task: <c>&lt;array&gt;_&lt;task&gt;</c>); null when it ran in this process.</summary>
    public string? JobId { get; init; }

    internal PredictionSet? Validation { get; init; }
}
