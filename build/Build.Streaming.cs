using Pipeline.Engine;
using Pipeline.Ml.Ingest;
using Pipeline.Ml.Ingest.Streaming;

namespace ReferencePipeline;

/// <summary>Ingest from stream sources (ingest.kind redis-stream or logs): the position and rejected entries beside the snapshot.</summary>
internal sealed partial class Build
{
    private static readonly string[] StreamSourceKinds = ["redis-stream", "redis_stream", "logs"];

    /// <summary>
    /// A stream source's position and rejected entries are outputs of Ingest next to the snapshot, so all three are
    /// committed together (declared in this order: the position is moved into place last) and versioned together.
    /// </summary>
    private string[] StreamOutputs => StreamSourceKinds.Contains(ParamsValue("ingest.kind")) ? [Paths.StreamRejected, Paths.StreamPosition] : [];

    private void IngestStream(ITargetContext ctx, IngestOptions options)
    {
        var paths = new StreamIngestPaths(
            ctx.Output(Paths.Snapshot), ctx.Output(Paths.StreamPosition), ctx.Output(Paths.StreamRejected),
            Path.Combine(RootDirectory, Paths.Snapshot), Path.Combine(RootDirectory, Paths.StreamPosition), Path.Combine(RootDirectory, Paths.StreamRejected));
        Action<string>? feedback = options.Feedback is { } log ? snapshot => AppendFeedback(ctx, snapshot, log) : null;
        var result = StreamIngestor.Run(options, paths, RootDirectory, ctx.CancellationToken, feedback);
        foreach (var warning in result.Warnings) ctx.Log.Warning(warning);
        if (result.Rejected > 0) ctx.Log.Warning($"{result.Rejected} entries could not be read into the snapshot; they are in {Paths.StreamRejected} with their place and reason.");
        ctx.Summary("rows", result.RowsTotal);
        ctx.Summary("appended", result.Appended);
        if (result.Rejected > 0) ctx.Summary("rejected", result.Rejected);
    }
}
