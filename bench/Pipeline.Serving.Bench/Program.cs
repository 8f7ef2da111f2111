using Pipeline.Serving.Bench;

// NOTE: the baselines (a trivial health endpoint on each protocol, same host, same load) are measured in the same
// run, because this machine is noisy; bench/README.md states prediction throughput as a fraction of them.
try
{
    var options = BenchOptions.Parse(args);
    return options.Serve ? await ServeMode.RunAsync(options)
        : options.MonitorChild is not null ? await MonitorProcess.RunChildAsync(options)
        : await ServingBench.RunAsync(options);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
