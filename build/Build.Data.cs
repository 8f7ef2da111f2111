using Pipeline.Engine;
using Pipeline.Engine.Failures;
using Pipeline.Formats.Params;
using Pipeline.Ml.Data;
using Pipeline.Ml.Features;
using Pipeline.Ml.Ingest;
using Pipeline.Ml.Ingest.Feedback;
using Pipeline.Ml.Recommendation;
using Pipeline.Ml.Sources;
using Pipeline.Ml.Validation;

namespace ReferencePipeline;

/// <summary>The data half: the embedded source, ingestion, validation and featurization.</summary>
internal sealed partial class Build
{
    /// <summary>
    /// A file source is declared as Ingest's input (its content hash decides re-runs); other sources are read every run.
    /// NOTE: the kind is matched as IngestOptions reads it (any case); a bad one is left to Ingest to report by name.
    /// </summary>
    private string[] SourceFiles =>
        Enum.TryParse<IngestKind>(ParamsValue("ingest.kind") is { Length: > 0 } kind ? kind : "sqlite", ignoreCase: true, out var k) &&
        k is IngestKind.Csv or IngestKind.Tsv or IngestKind.Jsonl or IngestKind.Parquet or IngestKind.Sqlite &&
        ParamsValue("ingest.path") is { Length: > 0 } path ? [path] : [];

    Target Source => _ => _
        .Description("Generate the embedded card-transaction database (the default source), seeded")
        .Params("source")
        .Outputs(Paths.SourceDatabase)
        .Executes(ctx =>
        {
            var options = StageOptions.Read(() => CardTransactionsOptions.FromParams(ctx.ParamSection("source")));
            CardTransactionsSource.EnsureDatabase(ctx.Output(Paths.SourceDatabase), options);
        });

    /// <summary>
    /// The prediction log that ingest.feedback names, with its write-ahead log (where a running host's latest writes
    /// are): optional inputs of Ingest, so new feedback re-runs it. A PostgreSQL log is read every run instead.
    /// </summary>
    private string[] FeedbackLogFiles => ParamsValue("ingest.feedback") is { Length: > 0 } log ? FeedbackIngest.LogFiles(log) : [];

    /// <summary>The data.* keys feedback rows need, declared only when ingest.feedback is set.</summary>
    private string[] FeedbackParams => ParamsValue("ingest.feedback") is { Length: > 0 } ? ["data.key", "data.label", "data.task"] : [];

    /// <summary>Where feedback rows with labels the dataset cannot use go (with a reason), only when ingest.feedback is set.</summary>
    private string[] FeedbackOutputs => ParamsValue("ingest.feedback") is { Length: > 0 } ? [Paths.FeedbackQuarantine] : [];

    Target Ingest => _ => _
        .Description("Load the configured source (params.yaml ingest.*) and the feedback-labelled traffic (ingest.feedback) into a snapshot under data/raw")
        .Inputs(SourceFiles)
        .OptionalInputs(FeedbackLogFiles)
        .Params(["ingest", .. FeedbackParams])
        .Outputs([Paths.Snapshot, .. FeedbackOutputs, .. StreamOutputs])
        .When(SourceFiles.Length == 0 || (ParamsValue("ingest.feedback") is { Length: > 0 } && FeedbackLogFiles.Length == 0), d => d.AlwaysRun())
        .Executes(ctx =>
        {
            var options = StageOptions.Read(() => IngestOptions.FromParams(ctx.ParamSection("ingest")));
            if (options.IsStream)
            {
                IngestStream(ctx, options);
                return;
            }
            var snapshot = ctx.Output(Paths.Snapshot);
            // NOTE: an incremental load (ingest.watermark) appends to the previous snapshot, so it starts from a copy of it.
            var previous = Path.Combine(RootDirectory, Paths.Snapshot);
            if (File.Exists(previous)) File.Copy(previous, snapshot, overwrite: true);
            var result = Ingestor.Run(options, snapshot, RootDirectory, new ProgressTo<long>(rows => ctx.Progress(new TargetProgress(rows, null, "rows read"))), ctx.CancellationToken);
            foreach (var warning in result.Warnings) ctx.Log.Warning(warning);
            if (options.Feedback is { } log) AppendFeedback(ctx, snapshot, log);
            ctx.Summary("rows", result.RowsTotal);
            if (result.Incremental) ctx.Summary("appended", result.RowsAppended);
        });

    private void AppendFeedback(ITargetContext ctx, string snapshot, string log)
    {
        if (FeedbackIngest.Unkeyed(snapshot, ParamsValue("data.key"), ctx.Output(Paths.FeedbackQuarantine)) is { } off)
        {
            ctx.Log.Warning(off);
            return;
        }
        var key = ParamsValue("data.key")!;
        var result = FeedbackIngest.Append(snapshot, log, RootDirectory, key, ctx.Param<string>("data.label"), TaskOf(ctx), ctx.Output(Paths.FeedbackQuarantine), ctx.CancellationToken);
        ctx.Summary("feedback", result.Appended);
        if (result.Quarantined > 0)
        {
            ctx.Summary("feedback_quarantined", result.Quarantined);
            ctx.Log.Warning($"{result.Quarantined} feedback labels the dataset cannot use were kept out of the snapshot; reasons in {Paths.FeedbackQuarantine}.");
        }
        if (result.AlreadyPresent > 0) ctx.Log.Information($"{result.AlreadyPresent} labelled predictions were already in the snapshot (earlier loads).");
        if (result.IgnoredFields.Count > 0) ctx.Log.Warning($"Logged fields that are not snapshot columns were left out of the feedback rows: {string.Join(", ", result.IgnoredFields)}.");
    }

    Target Validate => _ => _
        .Description("Check the snapshot against data/schema.yaml (inferred on the first run); quarantine failing rows")
        .Inputs([Paths.Snapshot, .. StreamOutputs])
        .OptionalInputs(Paths.Schema)
        .Params("data", "validate")
        .Outputs(Paths.Validated, Paths.Quarantine, Paths.ValidationJson, Paths.ValidationText)
        .Executes(ctx =>
        {
            var data = StageOptions.Read(() => DataOptions.FromParams(ctx.ParamSection("data")));
            var validation = new ValidationOptions
            {
                SnapshotPath = ctx.Input(Paths.Snapshot),
                SchemaPath = ctx.Input(Paths.Schema),
                StreamPositionPath = IsStreamKind ? ctx.Input(Paths.StreamPosition) : null,
                StreamRejectedPath = IsStreamKind ? ctx.Input(Paths.StreamRejected) : null,
                ValidatedPath = ctx.Output(Paths.Validated),
                QuarantinePath = ctx.Output(Paths.Quarantine),
                ReportJsonPath = ctx.Output(Paths.ValidationJson),
                ReportTextPath = ctx.Output(Paths.ValidationText),
                Label = data.Label,
                Task = data.Task,
                Inference = new InferenceOptions { Key = data.Key, PositiveClass = data.PositiveClass },
                Interactions = data.Task == MlTask.Recommendation ? StageOptions.Read(() => RecommendationColumns.From(data)) : null,
            };
            var options = StageOptions.Read(() => validation.WithParams(ctx.ParamSection("validate")));
            try
            {
                var report = Validator.Run(options, ctx.CancellationToken);
                foreach (var note in report.Notes) ctx.Log.Warning(note);
                if (report.SchemaInferred && !report.SchemaReplaced) ctx.Log.Information($"Inferred {Paths.Schema} from the snapshot; commit it, and edit it to tighten or relax the checks.");
                ctx.Log.Information(report.Table);
                ctx.Summary("rows", report.ValidatedRows);
                ctx.Summary("quarantined", report.QuarantinedRows);
                if (report.StreamRun is { } run) ctx.Summary("appended_quarantined", run.Quarantined);
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
        .Params(["featurize", .. RecommendationParams])
        .Outputs(Paths.TrainSet, Paths.TestSet, Paths.Profile)
        .When(!IsRecommendation, d => d.Outputs(Paths.Featurizer))
        .When(IsRecommendation, d => d.Outputs(Paths.SplitReport))
        .Executes(ctx =>
        {
            if (IsRecommendation)
            {
                SplitInteractions(ctx);
                return;
            }
            var options = StageOptions.Read(() => FeaturizerOptions.FromParams(ctx.ParamSection("featurize")));
            var result = Featurizer.Run(new FeaturizePaths
            {
                ValidatedCsv = ctx.Input(Paths.Validated),
                SchemaYaml = ctx.Input(Paths.Schema),
                TrainCsv = ctx.Output(Paths.TrainSet),
                TestCsv = ctx.Output(Paths.TestSet),
                FeaturizerZip = ctx.Output(Paths.Featurizer),
                ProfileJson = ctx.Output(Paths.Profile),
            }, options, ctx.CancellationToken);
            ctx.Summary("train", result.TrainRows);
            ctx.Summary("test", result.TestRows);
            ctx.Summary("features", result.FeatureCount);
            if (result.TextNgramsSeen > 0) ctx.Summary("text_ngrams", $"{result.TextNgrams} of {result.TextNgramsSeen}");
        });
}
