using Pipeline.Monitoring.Bench;

// NOTE: baselines (one Array.Sort of 1M doubles, one 1M-row KS test) are measured in the same run, because this
// machine is noisy; bench/README.md states drift times as multiples of them.
try
{
    return DriftBench.Run(DriftBenchOptions.Parse(args));
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
