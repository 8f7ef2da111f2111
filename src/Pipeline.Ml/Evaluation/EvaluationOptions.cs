using Microsoft.ML;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Evaluation;

/// <summary>
/// Options of the Evaluate stage (params.yaml <c>evaluate</c> section in brackets). The holdout is either
/// <see cref="HoldoutPath"/> (a raw CSV, typed by the model's input schema) or <see cref="Holdout"/>.
/// </summary>
public sealed partial record EvaluationOptions
{
    /// <summary>The task (<c>data.task</c>).</summary>
    public required MlTask Task { get; init; }

    /// <summary>models/model.zip; its model.json (if present) supplies the decision threshold.</summary>
    public required string ModelPath { get; init; }

    /// <summary>data/features/test.csv.</summary>
    public string? HoldoutPath { get; init; }

    /// <summary>The raw holdout rows, instead of <see cref="HoldoutPath"/>.</summary>
    public IDataView? Holdout { get; init; }

    /// <summary>metrics.json.</summary>
    public required string MetricsPath { get; init; }

    /// <summary>reports/ (PNG plots and evaluation.html); null = no plots or HTML.</summary>
    public string? ReportsDirectory { get; init; }

    /// <summary>The production model.zip to compare with (<see cref="Gate.RegistryFolder.Production"/>); null = no comparison.</summary>
    public string? ProductionModelPath { get; init; }

    /// <summary>How the production model is named in metrics.json (e.g. its registry version).</summary>
    public string? ProductionLabel { get; init; }

    /// <summary>[slice_column] A raw categorical column to report metrics per value of.</summary>
    public string? SliceColumn { get; init; }

    /// <summary>
    /// The data's key column (<c>data.key</c>), if any: the holdout rows the closed loop made (labelled served traffic)
    /// also get metrics of their own in metrics.json's <c>labelled_traffic</c> when there are enough of them.
    /// </summary>
    public string? KeyColumn { get; init; }

    /// <summary>The raw label column (<c>data.label</c>), left out of permutation importance.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>[metric] The main metric (compared and used for importance); null = the task default.</summary>
    public string? Metric { get; init; }

    /// <summary>[bootstrap] Paired bootstrap resamples.</summary>
    public int Bootstrap { get; init; } = 1000;

    /// <summary>[seed] Seed of the bootstrap and the permutations.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>[importance_rows] Holdout rows used for permutation importance (the first N).</summary>
    public int ImportanceRows { get; init; } = 2000;

    /// <summary>Overrides the threshold from model.json (binary).</summary>
    public double? Threshold { get; init; }
}
