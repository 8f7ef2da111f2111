using Pipeline.Engine.Bench;

// NOTE: each benchmark measures its baseline in the same run, because these machines are noisy;
// results are ratios, recorded in bench/README.md.
return args.FirstOrDefault() switch
{
    "hash" => HashBench.Run(args[1..]),
    "plan" => PlanBench.Run(args[1..]),
    "checkout" => CheckoutBench.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Pipeline.Engine.Bench hash|plan|checkout [options]");
    return 2;
}
