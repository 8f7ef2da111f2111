using Pipeline.Ml.Bench;

// NOTE: the baseline (one streamed read of the same snapshot) is measured in the same run, because this machine is
// noisy; bench/ML-RESULTS.md states stage times as multiples of it.
try
{
    if (args.Length > 0 && args[0] == "recommend") return RecommendationBench.Run(args[1..]);
    if (args.Length > 0 && args[0] == "recommend-latency") return RecommendLatencyBench.Run(args[1..]);
    var options = BenchOptions.Parse(args);
    return options.WideColumns.Count > 0 ? WideBench.Run(options) : PipelineBench.Run(options);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
