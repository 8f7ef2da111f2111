using System.Runtime.InteropServices;
using Pipeline.Engine;
using Pipeline.Engine.Failures;
using Pipeline.Ml.Ingest;
using Pipeline.Ml.Ingest.Streaming;

namespace ReferencePipeline;

/// <summary>Ingest from stream sources (ingest.kind redis-stream or logs): the position and rejected entries beside the snapshot.</summary>
internal sealed partial class Build
{
    [Parameter("Ingest: keep reading the stream source; every ingest.interval s or ingest.trigger_rows new entries run the pipeline (ingest.trigger); Ctrl-C stops cleanly")] readonly bool Follow;

    /// <summary>
    /// A stream source's position and rejected entries are outputs of Ingest next to the snapshot, so all three are
    /// committed together (declared in this order: the position is moved into place last) and versioned together.
    /// </summary>
    private string[] StreamOutputs => IsStreamKind ? [Paths.StreamRejected, Paths.StreamPosition] : [];

    /// <summary>ingest.kind names a stream source, matched as IngestOptions reads it (any case, '-' or '_').</summary>
    private bool IsStreamKind =>
        ParamsValue("ingest.kind") is { Length: > 0 } kind &&
        Enum.TryParse<IngestKind>(kind.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var k) &&
        k is IngestKind.RedisStream or IngestKind.Logs;

    private void IngestStream(ITargetContext ctx, IngestOptions options)
    {
        var paths = new StreamIngestPaths(
            ctx.Output(Paths.Snapshot), ctx.Output(Paths.StreamPosition), ctx.Output(Paths.StreamRejected),
            Path.Combine(RootDirectory, Paths.Snapshot), Path.Combine(RootDirectory, Paths.StreamPosition), Path.Combine(RootDirectory, Paths.StreamRejected));
        Action<string>? feedback = options.Feedback is { } log ? snapshot => AppendFeedback(ctx, snapshot, log) : null;
        StreamIngestResult result;
        try
        {
            result = StreamIngestor.Run(options, paths, RootDirectory, feedback, ctx.CancellationToken);
        }
        catch (ArgumentException e)
        {
            // NOTE: a malformed ingest.url, named with the fix; IngestException is an InputException already.
            throw new InputException(e.Message, e);
        }
        foreach (var warning in result.Warnings) ctx.Log.Warning(warning);
        if (result.Rejected > 0) ctx.Log.Warning($"{result.Rejected} entries could not be read into the snapshot; they are in {Paths.StreamRejected} with their place and reason.");
        ctx.Summary("rows", result.RowsTotal);
        ctx.Summary("appended", result.Appended);
        if (result.Rejected > 0) ctx.Summary("rejected", result.Rejected);
    }

    /// <summary>
    /// <c>--follow</c>: micro-batches, each a separate <c>./build.sh</c> run (so each commits snapshot and position
    /// together, and the usual up-to-date rules decide what follows), until SIGINT or SIGTERM; a running batch is
    /// let finish. <c>ingest.trigger</c>: <c>pipeline</c> (the default targets), <c>retrain</c> (Ingest, then
    /// Retrain) or a target name.
    /// </summary>
    private int FollowStream(Invocation invocation)
    {
        var options = StageOptions.Read(() => IngestOptions.FromParams(
            IngestOptions.Keys.Select(k => KeyValuePair.Create(k, ParamsValue("ingest." + k))).Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!)));
        if (!options.IsStream)
            throw new UsageException($"--follow needs a stream source (ingest.kind redis-stream or logs); ingest.kind is {options.Kind.ToString().ToLowerInvariant()}.");
        var passed = WithoutOptions(invocation.Arguments, "--follow", "--root").Where(a => !invocation.Targets.Contains(a)).ToArray();
        string[][] batch = options.Trigger switch
        {
            "pipeline" => [passed],
            "retrain" => [[nameof(Ingest), .. passed], [nameof(Retrain)]],
            var target => [[target, .. passed]],
        };
        var paths = new StreamIngestPaths("", "", "", Path.Combine(RootDirectory, Paths.Snapshot), Path.Combine(RootDirectory, Paths.StreamPosition), Path.Combine(RootDirectory, Paths.StreamRejected));
        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        Console.WriteLine($"Following {(options.Kind == IngestKind.Logs ? "log files" : "the redis stream")} every {options.Interval} s or {options.TriggerRows} new entries; Ctrl-C stops.");
        var loop = new FollowLoop(options,
            () => batch.Select(args => PipelineProcess.Run(RootDirectory, RootDirectory, args)).FirstOrDefault(exit => exit != 0),
            limit => StreamIngestor.Pending(options, paths, RootDirectory, limit),
            TimeProvider.System, Console.WriteLine);
        return loop.Run(stop.Token);
    }
}
