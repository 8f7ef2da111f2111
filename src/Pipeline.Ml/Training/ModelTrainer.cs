using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Features;

namespace Pipeline.Ml.Training;

/// <summary>
/// The Train stage: featurizes the raw training rows once, searches trainers and hyper-parameters
/// (<see cref="HalvingTuner"/>), refits the best configuration on all training rows and saves
/// featurizer + predictor as one model with the raw input schema, byte-identical for the same inputs and seed.
/// </summary>
public static class ModelTrainer
{
    /// <summary>
    /// Trains from a raw training CSV and a saved featurizer zip (its input schema types the CSV). Cancelling
    /// <paramref name="cancellation"/> starts no new trial, stops ML.NET's running work (<see cref="MlCancellation"/>)
    /// and throws <see cref="OperationCanceledException"/> before anything is written; <paramref name="progress"/> hears of each finished trial.
    /// </summary>
    public static TrainResult Run(string trainCsvPath, string featurizerPath, TrainOptions options, TrainOutputs outputs, IProgress<TrialResult>? progress = null, CancellationToken cancellation = default)
    {
        var ml = new MLContext(options.Seed);
        var (featurizer, schema) = ModelZip.Load(ml, featurizerPath);
        return Run(SnapshotLoader.Load(ml, trainCsvPath, schema), featurizer, options, outputs, progress, cancellation);
    }

    /// <summary>Trains from raw rows and a fitted featurizer (output columns <c>Features</c> and <c>Label</c>); cancellation as above.</summary>
    public static TrainResult Run(IDataView rawTrain, ITransformer featurizer, TrainOptions options, TrainOutputs outputs, IProgress<TrialResult>? progress = null, CancellationToken cancellation = default)
    {
        var ml = new MLContext(options.Seed);
        using var stop = ml.StopOn(cancellation);
        using var featurized = FeaturizedRows.Spill(ml, Featurize(ml, rawTrain, featurizer, options.Task, options.KeyColumn));
        cancellation.ThrowIfCancellationRequested();
        var data = TrialData.Prepare(ml, featurized.View, options, HalvingTuner.Fractions(options.Search));
        // NOTE: a single-trial last rung only measures the winner: its refit on all rows runs meanwhile on the other
        // core (same seed and rows, so the model is the one a refit afterwards makes); it is stopped if the search fails.
        using var early = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        Task<ITransformer>? earlyRefit = null;
        var finalist = -1;
        var tuner = new HalvingTuner(options, data, progress, cancellation)
        {
            SoleFinalist = options.Parallel < 2 ? null : c =>
            {
                finalist = c.Index;
                earlyRefit = Task.Run(() => Refit(options, data, c.Index, c.Trainer, c.Params, early.Token), early.Token);
            },
        };
        IReadOnlyList<TrialResult> trials;
        TrialResult best;
        try
        {
            (trials, best) = tuner.Run();
            cancellation.ThrowIfCancellationRequested();
        }
        catch when (earlyRefit is not null)
        {
            early.Cancel();
            _ = earlyRefit.ContinueWith(t => t.Exception, TaskScheduler.Default);
            throw;
        }

        var threshold = options.Task == MlTask.Binary ? ThresholdChoice.Choose(best.Validation!, data.ValidationTraffic(), options.CostFnFp) : null;
        var predictor = earlyRefit is not null && finalist == best.Trial
            ? earlyRefit.GetAwaiter().GetResult()
            : Refit(options, data, best.Trial, best.Trainer, best.Params, cancellation);
        cancellation.ThrowIfCancellationRequested();
        var model = featurizer.Append(predictor);
        ModelZip.Save(ml, model, rawTrain.Schema, outputs.ModelPath);

        var info = new ModelInfo(options.Task, best.Trainer, best.Params, options.ResolvedMetric, best.Value, threshold?.Threshold ?? 0.5, options.Seed, best.Trial) { ThresholdChoice = threshold };
        info.Write(ModelInfo.PathFor(outputs.ModelPath));
        TrialsCsv.Write(outputs.TrialsPath, trials, options.ResolvedMetric);
        if (outputs.TimingPath is { } timing)
        {
            TrialsCsv.WriteTiming(timing, trials);
        }

        var onnx = outputs.OnnxPath is { } onnxPath ? OnnxExporter.Export(ml, model, rawTrain, onnxPath) : new OnnxExport(false, null, "No ONNX path given.");
        return new TrainResult(trials, best, info, onnx) { Notes = options.TrainerNotes };
    }

    /// <summary>Fits a configuration on all training rows in its own context, seeded by the run seed and its trial number.</summary>
    private static ITransformer Refit(TrainOptions options, TrialData data, int trial, string trainer, IReadOnlyDictionary<string, double> parameters, CancellationToken cancellation)
    {
        var refit = new MLContext(TrialSeeds.Derive(options.Seed, trial, 1000));
        using var stop = refit.StopOn(cancellation);
        return TrainerCatalog.Get(options.Task, trainer).Create(refit, parameters).Fit(data.All);
    }

    /// <summary>
    /// The featurized rows a search reads (Features, Label) from raw rows and the fitted featurizer, checked for the task;
    /// with the <paramref name="key"/> column, also <see cref="TrialData.TrafficColumn"/> (the row is labelled served traffic).
    /// </summary>
    internal static IDataView Featurize(MLContext ml, IDataView raw, ITransformer featurizer, MlTask task, string? key = null)
    {
        var output = featurizer.GetOutputSchema(raw.Schema);
        var features = output.GetColumnOrNull("Features");
        if (features is not { Type: VectorDataViewType { ItemType: NumberDataViewType n } } || n.RawType != typeof(float))
        {
            throw new InvalidOperationException($"The featurizer must output a 'Features' vector<Single> column; it outputs: {Describe(output)}.");
        }

        var label = output.GetColumnOrNull("Label");
        var ok = task switch
        {
            MlTask.Binary => label?.Type == BooleanDataViewType.Instance,
            MlTask.Multiclass => label?.Type is KeyDataViewType,
            _ => label?.Type == NumberDataViewType.Single,
        };
        if (!ok)
        {
            throw new InvalidOperationException($"For a {task} task the featurizer's 'Label' column must be {(task == MlTask.Binary ? "Boolean" : task == MlTask.Multiclass ? "Key<UInt32>" : "Single")}; it outputs: {Describe(output)}.");
        }

        var transformed = featurizer.Transform(raw);
        if (key is not null && transformed.Schema.GetColumnOrNull(key)?.Type is TextDataViewType)
        {
            var marked = ml.Transforms.CopyColumns(TrafficKey.Column, key)
                .Append(ml.Transforms.CustomMapping<TrafficKey, TrafficMark>((k, m) => m.Traffic = Ingest.Feedback.FeedbackKey.IsFeedback(k.Key.Span), contractName: null))
                .Append(ml.Transforms.SelectColumns("Features", "Label", TrialData.TrafficColumn));
            return marked.Fit(transformed).Transform(transformed);
        }

        return ml.Transforms.SelectColumns("Features", "Label").Fit(transformed).Transform(transformed);
    }

    private static string Describe(DataViewSchema schema) => string.Join(", ", schema.Select(c => $"{c.Name}: {c.Type}"));

    private sealed class TrafficKey
    {
        public const string Column = "__key";

        [ColumnName(Column)]
        public ReadOnlyMemory<char> Key { get; set; }
    }

    private sealed class TrafficMark
    {
        [ColumnName(TrialData.TrafficColumn)]
        public bool Traffic { get; set; }
    }
}
