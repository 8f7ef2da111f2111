using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Training;

/// <summary>
/// Options of the Train stage, from the <c>train</c> section of params.yaml (keys in brackets, defaults in the
/// property initialisers). Results never depend on <see cref="Parallel"/>.
/// </summary>
public sealed record TrainOptions
{
    /// <summary>The task (from <c>data.task</c>).</summary>
    public required MlTask Task { get; init; }

    /// <summary>[trainers] Trainer names; empty means every trainer of the task (see <see cref="TrainerCatalog"/>).</summary>
    public IReadOnlyList<string> Trainers { get; init; } = [];

    /// <summary>[budget] Number of random configurations sampled (rung-0 trials).</summary>
    public int Budget { get; init; } = 24;

    /// <summary>[search] <c>random_halving</c> (default) or <c>random</c>.</summary>
    public SearchStrategy Search { get; init; } = SearchStrategy.RandomHalving;

    /// <summary>[cv_folds] 0 = one validation split of <see cref="ValidationFraction"/>; k ≥ 2 = k-fold cross-validation.</summary>
    public int CvFolds { get; init; }

    /// <summary>[validation_fraction] Share of training rows held out for validation when <see cref="CvFolds"/> is 0.</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>[metric] The optimised metric; null = auc (binary), macro_f1 (multiclass), r2 (regression).</summary>
    public string? Metric { get; init; }

    /// <summary>[seed] Seed of the sampler, the splits and every trial's MLContext.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>[parallel] Trials run concurrently; defaults to the processor count.</summary>
    public int Parallel { get; init; } = Environment.ProcessorCount;

    /// <summary>The optimised metric, resolved.</summary>
    public string ResolvedMetric => MetricNames.Validate(Metric ?? MetricNames.DefaultFor(Task), Task);

    /// <summary>The trainer names, resolved for the task (mapped to counterparts, inapplicable ones skipped) and validated.</summary>
    public IReadOnlyList<string> ResolvedTrainers => TrainerCatalog.Resolve(Task, Trainers).Trainers;

    /// <summary>What resolving <see cref="Trainers"/> for the task changed: one note per mapped or skipped name.</summary>
    public IReadOnlyList<string> TrainerNotes => TrainerCatalog.Resolve(Task, Trainers).Notes;

    /// <summary>
    /// Reads the <c>train</c> section given as flat keys (<c>budget</c>, <c>trainers</c> …); lists may be written
    /// <c>a,b</c> or <c>[a, b]</c>. Unknown keys are ignored so other train parameters can live in the section.
    /// </summary>
    public static TrainOptions FromParams(MlTask task, IReadOnlyDictionary<string, string> train)
    {
        var o = new TrainOptions { Task = task };
        string? Get(string key) => train.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        int Int(string key, int fallback) => Get(key) is { } v ? ParamValue.Integer("train." + key, v) : fallback;
        return o with
        {
            Trainers = Get("trainers") is { } t ? t.Trim('[', ']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [],
            Budget = Int("budget", o.Budget),
            Search = Get("search") is { } s ? ParamValue.Choice<SearchStrategy>("train.search", s) : o.Search,
            CvFolds = Int("cv_folds", o.CvFolds),
            ValidationFraction = Get("validation_fraction") is { } f
                ? ParamValue.Number("train.validation_fraction", f)
                : o.ValidationFraction,
            Metric = Get("metric"),
            Seed = Int("seed", o.Seed),
            Parallel = Int("parallel", o.Parallel),
        };
    }
}
