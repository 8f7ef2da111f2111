using Pipeline.Formats.Params;
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

    /// <summary>
    /// From <c>evaluate.cost_fn_fp</c>: a false negative's cost over a false positive's; when set, a binary model's
    /// threshold minimises the expected cost on the validation scores instead of maximising F1. Null = best F1.
    /// </summary>
    public double? CostFnFp { get; init; }

    /// <summary>
    /// The data's key column (<c>data.key</c>), if any: rows whose key the closed loop made (labelled served traffic) are
    /// where a binary model's threshold is chosen when there are enough of them.
    /// </summary>
    public string? KeyColumn { get; init; }

    /// <summary>[trainers] Trainer names; empty means every trainer of the task (see <see cref="TrainerCatalog"/>).</summary>
    public IReadOnlyList<string> Trainers { get; init; } = [];

    /// <summary>[budget] Number of random configurations sampled (rung-0 trials).</summary>
    public int Budget { get; init; } = 24;

    /// <summary>[search] <c>random_halving</c> (default) or <c>random</c>.</summary>
    public SearchStrategy Search { get; init; } = SearchStrategy.RandomHalving;

    /// <summary>[cv_folds] 0 = one validation split of <see cref="ValidationFraction"/>; k ≥ 2 = k-fold cross-validation.</summary>
    public int CvFolds { get; init; }

    /// <summary>
    /// True when params.yaml leaves <c>train.cv_folds</c> unset: a small table (fewer than
    /// <see cref="TrialData.SmallTableRows"/> featurized training rows) is then searched with
    /// <see cref="TrialData.SmallTableFolds"/>-fold validation and every rung on all its rows (see <see cref="TrialData"/>).
    /// Options built in code keep exactly what they say. Not a params key.
    /// </summary>
    internal bool AdaptToSmallTables { get; init; }

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
    /// [max_parallel_trials] The most trials of a rung running at once when they run elsewhere (<see cref="RungRunner"/>,
    /// e.g. the <c>%limit</c> of a Slurm job array); 0 (default) = no limit but the cluster's free slots.
    /// </summary>
    public int MaxParallelTrials { get; init; }

    /// <summary>Where each rung's trials run; null (default) = in this process, <see cref="Parallel"/> at a time. Not a params key.</summary>
    public ITrialRungRunner? RungRunner { get; init; }

    /// <summary>[onnx] Also export the model as ONNX (false).</summary>
    public bool Onnx { get; init; }

    /// <summary>The documented keys of the <c>train</c> section.</summary>
    public static readonly IReadOnlyList<string> Keys =
        ["trainers", "budget", "search", "cv_folds", "validation_fraction", "metric", "seed", "parallel", "max_parallel_trials", "onnx"];

    /// <summary>
    /// Options from the <c>train</c> section, keys relative to it (<c>budget</c>, <c>trainers</c> …); lists may be
    /// written <c>a,b</c> or <c>[a, b]</c>. An unknown key, a bad value, a trainer or metric that does not apply to the
    /// task is a <see cref="ParamException"/> naming the key.
    /// </summary>
    public static TrainOptions FromParams(MlTask task, IReadOnlyDictionary<string, string> section)
    {
        var s = new ParamSection("train", section, Keys);
        var o = new TrainOptions { Task = task };
        var folds = s.Integer("cv_folds", o.CvFolds, min: 0);
        if (folds == 1) throw ParamValue.Bad("train.cv_folds", "1", "0 (one validation split) or at least 2 folds");
        var options = o with
        {
            Trainers = s.List("trainers"),
            Budget = s.Integer("budget", o.Budget, min: 1),
            Search = s.Choice("search", o.Search),
            CvFolds = folds,
            AdaptToSmallTables = s.Text("cv_folds") is null,
            ValidationFraction = s.Fraction("validation_fraction", o.ValidationFraction),
            Metric = s.Text("metric"),
            Seed = s.Integer("seed", o.Seed, min: 0),
            Parallel = s.Integer("parallel", o.Parallel, min: 1),
            MaxParallelTrials = s.Integer("max_parallel_trials", o.MaxParallelTrials, min: 0),
            Onnx = s.Boolean("onnx", o.Onnx),
        };
        if (options.Metric is { } metric && !MetricNames.For(task).Contains(metric))
            throw ParamValue.Bad("train.metric", metric, $"a {task.ToString().ToLowerInvariant()} metric: {string.Join(", ", MetricNames.For(task))}");
        _ = options.ResolvedTrainers;
        return options;
    }
}
