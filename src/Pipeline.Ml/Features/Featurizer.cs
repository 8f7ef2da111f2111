using Microsoft.ML;
using Pipeline.Formats.Columns;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;
using Pipeline.Ml.Profiles;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Features;

/// <summary>
/// The Featurize stage: a seeded (stratified for classification) train/test split of the validated rows, a
/// transform chain fitted on train only and saved to models/featurizer.zip, and the train reference profile.
/// </summary>
public static class Featurizer
{
    /// <summary>
    /// Runs the stage; every output is written atomically. Cancelling <paramref name="cancellation"/> stops every pass
    /// over the rows and ML.NET's fitting, with <see cref="OperationCanceledException"/>.
    /// </summary>
    public static FeaturizeResult Run(FeaturizePaths paths, FeaturizerOptions options, CancellationToken cancellation = default)
    {
        var schema = SchemaFile.Read(paths.SchemaYaml);
        var derived = Derived(schema, options);
        // NOTE: the train statistics, the categorical terms and the reference profile are fed by the split's write pass
        // (each batch of train rows as it is written, summarised on any core and merged in row order), so train.csv is not
        // read again for them, nor (but for robust scaling and text columns) by ML.NET: the same rows give the same numbers
        // whatever the number of cores.
        IReadOnlyList<string> header;
        using (var source = new CsvSnapshotReader(paths.ValidatedCsv)) header = source.Header;
        var summary = new TrainSummary(schema, header, NumericColumns(schema), derived, mode: options.Imputation == ImputationStrategy.MostFrequent, profile: true);
        long trainRows, testRows;
        using (var background = new BackgroundRows(summary.Summarise, header.Count, Workers))
        {
            (trainRows, testRows) = TrainTestSplit.Run(paths.ValidatedCsv, schema, options.TestFraction, options.Seed, paths.TrainCsv, paths.TestCsv, cancellation: cancellation,
                onTrain: background);
            background.Complete();
        }
        summary.Finish();
        if (trainRows == 0) throw new InvalidDataException($"{paths.ValidatedCsv}: no rows to train on after the split; Validate may have quarantined them all (see data/quarantine/).");
        Training.TrainingRowRequirement.Check(summary.LabelCounts, schema, trainRows + testRows, options.TestFraction);

        // NOTE: the profile (its histogram rescan of train.csv for columns that outgrew their sample, and writing
        // profile.json) is built on a second thread while the chain is fitted and saved; the two share no state.
        using var profileStop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var profile = Task.Run(() => summary.Profile!.Finish(paths.TrainCsv, profileStop.Token).Save(paths.ProfileJson), CancellationToken.None);
        var ml = new MLContext(options.Seed);
        using var stop = ml.StopOn(cancellation);
        ITransformer transformer;
        IDataView train;
        var text = new List<TextNgrams>();
        try
        {
            (transformer, train) = Fit(ml, schema, options, derived, summary, paths.TrainCsv, text);
            cancellation.ThrowIfCancellationRequested();
            ModelZip.Save(ml, transformer, train.Schema, paths.FeaturizerZip);
        }
        catch
        {
            profileStop.Cancel();
            ((IAsyncResult)profile).AsyncWaitHandle.WaitOne();
            throw;
        }
        profile.GetAwaiter().GetResult();

        var width = transformer.GetOutputSchema(train.Schema)[TransformChain.Features].Type is Microsoft.ML.Data.VectorDataViewType vector ? vector.Size : 1;
        return new FeaturizeResult(trainRows, testRows, width) { TextNgrams = text.Sum(t => t.Kept), TextNgramsSeen = text.Sum(t => t.Seen) };
    }

    /// <summary>Fits the chain on <paramref name="trainCsv"/>; returns it with the raw train view (whose schema is the model's input).</summary>
    internal static (ITransformer Model, IDataView Train) Fit(MLContext ml, DatasetSchema schema, FeaturizerOptions options, string trainCsv, CancellationToken cancellation = default)
    {
        var derived = Derived(schema, options);
        var summary = TrainSummary.Read(trainCsv, schema, NumericColumns(schema), derived, mode: options.Imputation == ImputationStrategy.MostFrequent, profile: false, cancellation);
        return Fit(ml, schema, options, derived, summary, trainCsv);
    }

    private static (ITransformer Model, IDataView Train) Fit(MLContext ml, DatasetSchema schema, FeaturizerOptions options, IReadOnlyList<DerivedFeature> derived, TrainSummary summary, string trainCsv, ICollection<TextNgrams>? text = null)
    {
        var train = SnapshotLoader.Load(ml, trainCsv, schema);
        return (TransformChain.Fit(ml, schema, options, derived, summary.Statistics.Build(), summary.Terms, train, text), train);
    }

    /// <summary>Threads summarising train batches beside the split's reader (one per core, at most four; the results do not depend on it).</summary>
    private static readonly int Workers = Math.Clamp(Environment.ProcessorCount, 1, 4);

    private static List<string> NumericColumns(DatasetSchema schema) =>
        [.. schema.Features.Where(c => c.Kind == ColumnKind.Numeric).Select(c => c.Name)];

    /// <summary>The derived features of <paramref name="options"/>; an input that is not a numeric feature column is an error.</summary>
    private static List<DerivedFeature> Derived(DatasetSchema schema, FeaturizerOptions options)
    {
        var derived = options.Derived.Select(DerivedFeature.Parse).ToList();
        var numeric = NumericColumns(schema);
        foreach (var input in derived.SelectMany(d => d.Inputs).Where(i => !numeric.Contains(i)))
            throw new ArgumentException($"Derived feature input '{input}' is not a numeric feature column. Numeric columns: {string.Join(", ", numeric)}.");
        return derived;
    }
}
