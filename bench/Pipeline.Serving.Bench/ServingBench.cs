using System.Globalization;

namespace Pipeline.Serving.Bench;

/// <summary>
/// The serving benchmark: starts the host (child process by default), then for each protocol measures a trivial
/// liveness call (the baseline) and single-row predictions under the same closed-loop load, with the prediction log on
/// (SQLite), and reports throughput, p50/p99 latency, errors and the log's written/dropped counters from /metrics.
/// </summary>
internal static class ServingBench
{
    /// <summary>Runs every scenario and prints the report; 1 when any call failed or a record went missing.</summary>
    public static async Task<int> RunAsync(BenchOptions options)
    {
        Directory.CreateDirectory(options.Directory);
        if (options.Registry is null && options.Recommend > 0)
        {
            RecommenderBenchModel.EnsureRegistered(options.Directory, options.RegistryPath, options.Recommend);
        }
        else if (options.Registry is null)
        {
            ReferenceModel.EnsureRegistered(options.Directory, options.RegistryPath);
        }

        var loadBefore = LoadAverage();
        await using var host = options.InProcess ? await HostUnderTest.StartInProcessAsync(options) : await HostUnderTest.StartChildAsync(options);
        using var rest = new RestCalls(host.Rest, options.Model, options.Row, options.Connections, options.Batch);
        using var grpc = new GrpcCalls(host.Grpc, options.Model, options.Row, options.GrpcChannels);
        if (options.Recommend > 0 ? !await rest.RecommendAsync(0, RecommenderBenchModel.Users) : !await rest.PredictAsync(0) || !await grpc.InferAsync(0))
        {
            Console.Error.WriteLine($"A first prediction of {options.Row} failed on {host.Rest} or {host.Grpc}; check --model and --row.");
            return 2;
        }

        long predictions = options.Recommend > 0 ? 1 : options.Batch + 1;
        Func<int, Task<bool>> Counted(Func<int, Task<bool>> call, int rows = 1) => async c =>
        {
            var ok = await call(c);
            Interlocked.Add(ref predictions, ok ? rows : 0);
            return ok;
        };

        Console.WriteLine(FormattableString.Invariant($"host: {host.Description}; REST {host.Rest}, gRPC {host.Grpc}; {options.Connections} callers, {options.GrpcChannels} gRPC channels; warm-up {options.Warmup} s + {options.Seconds} s per scenario; {Environment.ProcessorCount} cores; host environment [{string.Join(' ', options.HostEnvironment)}]; load average before {loadBefore}"));
        var results = new List<LoadResult>();
        var lines = new List<string>();
        async Task Measure(string scenario, Func<int, Task<bool>> call)
        {
            var before = await HostMetrics.DrainedAsync(rest);
            var generatorBefore = GeneratorCpuSeconds();
            var result = await LoadGenerator.RunAsync(scenario, options.Connections, TimeSpan.FromSeconds(options.Warmup), TimeSpan.FromSeconds(options.Seconds), call);
            var generator = GeneratorCpuSeconds() - generatorBefore;
            results.Add(result);
            lines.Add(FormattableString.Invariant($"{scenario}: {(await HostMetrics.ReadAsync(rest)).Since(before, result.AllCalls)}; generator CPU {generator:F1} s ({generator * 1e6 / Math.Max(1, result.AllCalls):F0} µs/call)"));
            Console.Error.WriteLine(result.Row());
        }

        var monitorInputs = MonitorReference.Create(options.Directory, options.Row, Path.Combine(options.Directory, host.PredictionLog));
        async Task Monitored(string scenario, Func<int, Task<bool>> call)
        {
            await using var monitor = MonitorProcess.Start(options, host.Rest, monitorInputs.PredictionLog);
            await Measure(scenario + " +monitor", call);
            lines.Add($"{scenario} +monitor: {await monitor.StopAsync()}");
        }

        foreach (var (liveName, live, predictName, predict) in Protocols(options, rest, grpc))
        {
            if (!options.Monitor)
            {
                await Measure(liveName, live);
                await Measure(predictName, Counted(predict, predictName.StartsWith("REST", StringComparison.Ordinal) ? options.Batch : 1));
                continue;
            }

            // NOTE: plain, monitored, monitored, plain: a trend over the run (log growth, other workers) shows up as
            // a difference between the two pairs rather than as monitoring overhead.
            // NOTE: an unrecorded first round (3 warm-ups long), so JIT tiering and thread-pool ramp-up do not land in
            // the first pair: with one warm-up, the first plain round was the slowest of the four in every run.
            await LoadGenerator.RunAsync("warm-up", options.Connections, TimeSpan.Zero, TimeSpan.FromSeconds(3 * options.Warmup), Counted(predict));
            await Measure(predictName, Counted(predict));
            await Monitored(predictName, Counted(predict));
            await Monitored(predictName, Counted(predict));
            await Measure(predictName, Counted(predict));
        }

        var final = await HostMetrics.ReadAsync(rest);
        var summary = await host.StopAsync();

        Console.WriteLine(LoadResult.Header);
        results.ForEach(r => Console.WriteLine(r.Row()));
        for (var i = 0; !options.Monitor && i + 1 < results.Count; i += 2)
        {
            Console.WriteLine(FormattableString.Invariant($"{results[i + 1].Scenario} / {results[i].Scenario} throughput: {results[i + 1].Throughput / results[i].Throughput:F2}"));
        }

        for (var i = 0; options.Monitor && i + 3 < results.Count; i += 4)
        {
            var plain = (results[i].P99Ms + results[i + 3].P99Ms) / 2;
            var monitored = (results[i + 1].P99Ms + results[i + 2].P99Ms) / 2;
            Console.WriteLine(FormattableString.Invariant($"{results[i].Scenario}: p99 monitored / plain {monitored / plain:F3} (pairs: {results[i + 1].P99Ms / results[i].P99Ms:F3}, {results[i + 2].P99Ms / results[i + 3].P99Ms:F3}); throughput {(results[i + 1].Throughput + results[i + 2].Throughput) / (results[i].Throughput + results[i + 3].Throughput):F3}"));
        }

        lines.ForEach(Console.WriteLine);
        Console.WriteLine(FormattableString.Invariant($"predictions answered (incl. warm-up): {predictions}; log before shutdown: written {final.Written}, refused requests {final.Refused}, dropped {final.Dropped}, failed {final.Failed}, queued {final.QueueDepth}"));
        Console.WriteLine($"host at shutdown: {summary ?? "(in-process: see the host's log)"}");
        var logged = LoggedRows(Path.Combine(options.Directory, host.PredictionLog));
        Console.WriteLine(FormattableString.Invariant($"answered {predictions} predictions, logged {logged} rows after shutdown: {(logged == predictions ? "answered = logged" : "MISMATCH")}"));
        Console.WriteLine($"load average after: {LoadAverage()}");
        return results.Sum(r => r.Errors) == 0 ? 0 : 1;
    }

    private static IEnumerable<(string LiveName, Func<int, Task<bool>> Live, string PredictName, Func<int, Task<bool>> Predict)> Protocols(BenchOptions options, RestCalls rest, GrpcCalls grpc)
    {
        if (options.Recommend > 0)
        {
            yield return ("REST GET /v2/health/live", rest.LiveAsync, FormattableString.Invariant($"REST POST :recommend (k=10, {options.Recommend} items)"), c => rest.RecommendAsync(c, RecommenderBenchModel.Users));
            yield break;
        }

        if (options.MeasuresRest)
        {
            yield return ("REST GET /v2/health/live", rest.LiveAsync, FormattableString.Invariant($"REST POST :predict ({options.Batch} row{(options.Batch == 1 ? "" : "s")})"), rest.PredictAsync);
        }

        if (options.MeasuresGrpc)
        {
            yield return ("gRPC ServerLive", grpc.LiveAsync, "gRPC ModelInfer (1 row)", grpc.InferAsync);
        }
    }

    private static long LoggedRows(string path)
    {
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var count = db.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM predictions";
        return (long)count.ExecuteScalar()!;
    }

    private static double GeneratorCpuSeconds()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
