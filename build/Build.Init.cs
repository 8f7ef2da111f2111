using Pipeline.Engine;
using Pipeline.Engine.Failures;
using Pipeline.Ml.Data;
using Pipeline.Ml.Setup;

namespace ReferencePipeline;

/// <summary>Init: point the pipeline at a new dataset (params.yaml) from the data alone.</summary>
internal sealed partial class Build
{
    [Parameter("Init: the dataset to point the pipeline at (a .csv, .tsv, .jsonl or .parquet file)")] readonly string? Data;
    [Parameter("Init: the label column of --data")] readonly string? Label;
    [Parameter("Init: binary, multiclass, regression or recommendation (default: inferred from the label's values)", Name = "Task")] readonly string? InitTask;

    Target Init => _ => _
        .Description("Write params.yaml for a new dataset: --data <file> --label <column> [--task …]; prints what it inferred")
        .Requires(() => Data != null)
        .Requires(() => Label != null)
        .AlwaysRun()
        .Executes(ctx =>
        {
            var task = InitTask is null ? (MlTask?)null : StageOptions.Read(() => DataOptions.ParseTask(InitTask));
            DatasetInspection inspection;
            try
            {
                inspection = DatasetInspector.Inspect(Data!, Label!, task, RootDirectory, Path.Combine(RootDirectory, ".nuke", "temp"), ctx.CancellationToken);
            }
            // NOTE: a missing or empty file, a label that is not a column or has one class: the user's to fix, in one line.
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
            {
                throw new InputException(e.Message, e);
            }
            foreach (var line in inspection.Describe()) ctx.Log.Information(line);
            SetParams(inspection.Settings);
            ctx.Log.Information($"Wrote {string.Join(", ", inspection.Settings.Select(s => $"{s.Key}={(s.Value.Length == 0 ? "\"\"" : s.Value)}"))} to params.yaml (the rest kept). Next: ./build.sh");
        });
}
