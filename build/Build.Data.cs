using Pipeline.Engine;
using Pipeline.Ml.Ingest;
using Pipeline.Ml.Ingest.Feedback;
using Pipeline.Ml.Sources;
using Pipeline.Ml.Validation;
using Pipeline.Ml.Features;
using static ReferencePipeline.SectionValue;

namespace ReferencePipeline;

/// <summary>The data half: the embedded source, ingestion, validation and featurization.</summary>
internal sealed partial class Build
{
    private static readonly string[] FileSourceKinds = ["csv", "tsv", "jsonl", "parquet", "sqlite"];

    /// <summary>A file source is declared as Ingest's input (its content hash decides re-runs); other sources are read every run.</summary>
    private string[] SourceFiles =>
        FileSourceKinds.Contains(ParamsValue("ingest.kind") ?? "sqlite") && ParamsValue("ingest.path") is { Length: > 0 } path ? [path] : [];

    Target Source => _ => _
        .Description("Generate the embedded card-transaction database (the default source), seeded")
        .Params("source")
        .Outputs(Paths.SourceDatabase)
        .Executes(ctx =>
        {
            var s = ctx.ParamSection("source");
            CardTransactionsSource.EnsureDatabase(ctx.Output(Paths.SourceDatabase), new CardTransactionsOptions
            {
                Rows = Int(s, "rows", 20_000),
                Seed = Int(s, "seed", 42),
                RowsPerDay = Int(s, "rows_per_day", 500),
                AmountShift = Number(s, "amount_shift", 1.0),
                NewCountryShare = Number(s, "new_country_share", 0.0),
                FraudRateMultiplier = Number(s, "fraud_rate_multiplier", 1.0),
                NightShare = Number(s, "night_share", 0.08),
            });
        });

    /// <summary>
    /// The prediction log that ingest.feedback names, with its write-ahead log (where a running host's latest writes
    /// are): optional inputs of Ingest, so new feedback re-runs it. A PostgreSQL log is read every run instead.
    /// </summary>
    private string[] FeedbackLogFiles => ParamsValue("ingest.feedback") is { Length: > 0 } log ? FeedbackIngest.LogFiles(log) : [];

    /// <summary>The data.* keys feedback rows need, declared only when ingest.feedback is set.</summary>
    private string[] FeedbackParams => ParamsValue("ingest.feedback") is { Length: > 0 } ? ["data.key", "data.label"] : [];

    Target Ingest => _ => _
        .Description("Load the configured source (params.yaml ingest.*) and the feedback-labelled traffic (ingest.feedback) into a snapshot under data/raw")
        .Inputs(SourceFiles)
        .OptionalInputs(FeedbackLogFiles)
        .Params(["ingest", .. FeedbackParams])
        .Outputs(Paths.Snapshot)
        .When(SourceFiles.Length == 0 || (ParamsValue("ingest.feedback") is { Length: > 0 } && FeedbackLogFiles.Length == 0), d => d.AlwaysRun())
        .Executes(ctx =>
        {
            var snapshot = ctx.Output(Paths.Snapshot);
            // NOTE: an incremental load (ingest.watermark) appends to the previous snapshot, so it starts from a copy of it.
            var previous = Path.Combine(RootDirectory, Paths.Snapshot);
            if (File.Exists(previous)) File.Copy(previous, snapshot, overwrite: true);
            var options = IngestOptions.FromParams(ctx.ParamSection("ingest").ToDictionary(p => p.Key, p => (string?)p.Value));
            var result = Ingestor.Run(options, snapshot, RootDirectory, ctx.CancellationToken);
            if (options.Feedback is { } log) AppendFeedback(ctx, snapshot, log);
            ctx.Summary("rows", result.RowsTotal);
            if (result.Incremental) ctx.Summary("appended", result.RowsAppended);
        });

    private void AppendFeedback(ITargetContext ctx, string snapshot, string log)
    {
        var key = ParamsValue("data.key") is { Length: > 0 } k ? k
            : throw new InvalidOperationException("ingest.feedback needs data.key in params.yaml: feedback rows get keys derived from their request ids, which is how a later load knows it already has them.");
        var result = FeedbackIngest.Append(snapshot, log, RootDirectory, key, ctx.Param<string>("data.label"), ctx.CancellationToken);
        ctx.Summary("feedback", result.Appended);
        if (result.AlreadyPresent > 0) ctx.Log.Information($"{result.AlreadyPresent} labelled predictions were already in the snapshot (earlier loads).");
        if (result.IgnoredFields.Count > 0) ctx.Log.Warning($"Logged fields that are not snapshot columns were left out of the feedback rows: {string.Join(", ", result.IgnoredFields)}.");
    }

    Target Validate => _ => _
        .Description("Check the snapshot against data/schema.yaml (inferred on the first run); quarantine failing rows")
        .Inputs(Paths.Snapshot)
        .OptionalInputs(Paths.Schema)
        .Params("data", "validate")
        .Outputs(Paths.Validated, Paths.Quarantine, Paths.ValidationJson, Paths.ValidationText)
        .Executes(ctx =>
        {
            var data = ctx.ParamSection("data");
            var settings = ctx.ParamSection("validate");
            var options = new ValidationOptions
            {
                SnapshotPath = ctx.Input(Paths.Snapshot),
                SchemaPath = ctx.Input(Paths.Schema),
                ValidatedPath = ctx.Output(Paths.Validated),
                QuarantinePath = ctx.Output(Paths.Quarantine),
                ReportJsonPath = ctx.Output(Paths.ValidationJson),
                ReportTextPath = ctx.Output(Paths.ValidationText),
                Label = data["label"],
                Task = TaskOf(ctx),
                Inference = new InferenceOptions { Key = data.GetValueOrDefault("key") is { Length: > 0 } key ? key : null, PositiveClass = data.GetValueOrDefault("positive_class") },
                NullRateJumpThreshold = Number(settings, "null_rate_jump", 0.1),
                LabelShiftThreshold = Number(settings, "label_shift", 0.2),
                RangeTolerance = Number(settings, "range_tolerance", 0.0),
                Severities = ValidationCheckNames.SeveritiesFromParams(settings.ToDictionary(p => "validate." + p.Key, p => p.Value)),
            };
            try
            {
                var report = Validator.Run(options);
                if (report.SchemaInferred) ctx.Log.Information($"Inferred {Paths.Schema} from the snapshot; commit it, and edit it to tighten or relax the checks.");
                ctx.Log.Information(report.Table);
                ctx.Summary("rows", report.ValidatedRows);
                ctx.Summary("quarantined", report.QuarantinedRows);
            }
            catch (ValidationException e)
            {
                ctx.Log.Error(e.Report.Table);
                throw;
            }
        });

    Target Featurize => _ => _
        .Description("Split train/test, fit the transform chain (saved with the model) and profile every column")
        .Inputs(Paths.Validated, Paths.Schema)
        .Params("featurize")
        .Outputs(Paths.TrainSet, Paths.TestSet, Paths.Profile, Paths.Featurizer)
        .Executes(ctx =>
        {
            var result = Featurizer.Run(new FeaturizePaths
            {
                ValidatedCsv = ctx.Input(Paths.Validated),
                SchemaYaml = ctx.Input(Paths.Schema),
                TrainCsv = ctx.Output(Paths.TrainSet),
                TestCsv = ctx.Output(Paths.TestSet),
                FeaturizerZip = ctx.Output(Paths.Featurizer),
                ProfileJson = ctx.Output(Paths.Profile),
            }, FeaturizerOptions.FromParams(ctx.ParamSection("featurize")));
            ctx.Summary("train", result.TrainRows);
            ctx.Summary("test", result.TestRows);
            ctx.Summary("features", result.FeatureCount);
        });
}
