using System.Diagnostics;

namespace Pipeline.Engine.Bench;

/// <summary>
/// Planning time of a synthetic layered graph (default 1,000 targets, 20 per layer, 3 dependencies, a file
/// edge and every fourth target a glob edge), written in the build DSL and planned through the public
/// <see cref="PlanPreview"/> (the definitions are read once, outside the timed calls), against a baseline measured in
/// the same run: a plain Kahn topological sort of the same DependsOn edges with name look-ups.
/// </summary>
internal static class PlanBench
{
    private const int Width = 20;
    private const int WarmUpRounds = 100;

    /// <summary>Usage: <c>plan [--targets 1000] [--rounds 20]</c>.</summary>
    public static int Run(string[] args)
    {
        var count = Option(args, "--targets", 1000);
        var rounds = Option(args, "--rounds", 20);
        if (count < Width || count % Width != 0 || rounds < 1)
        {
            Console.Error.WriteLine($"usage: plan [--targets N (a multiple of {Width})] [--rounds R >= 1]");
            return 2;
        }
        var targets = Build(count);
        var request = targets.TakeLast(Width).Select(t => t.Name).ToArray();
        var planned = 0;
        var start = Stopwatch.GetTimestamp();
        var preview = new PlanPreview(Definitions(targets));
        var read = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        start = Stopwatch.GetTimestamp();
        preview.Order(request);
        var cold = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var planTimes = Time(rounds, () => planned = preview.Order(request).Count);
        var sortTimes = Time(rounds, () => TopologicalSort(targets));
        Console.WriteLine($"plan: {count} targets, {planned} planned, {rounds} rounds after {WarmUpRounds} warm-up rounds");
        Console.WriteLine($"  reading the definitions once {read:F3} ms (includes JIT)");
        Console.WriteLine($"  PlanPreview.Order (cold)     first call {cold:F3} ms (includes JIT)");
        Console.WriteLine($"  PlanPreview.Order            median {Median(planTimes):F3} ms  max {planTimes.Max():F3} ms");
        Console.WriteLine($"  baseline (Kahn sort)         median {Median(sortTimes):F3} ms  max {sortTimes.Max():F3} ms");
        Console.WriteLine($"  ratio (median)               {Median(planTimes) / Math.Max(Median(sortTimes), 1e-6):F1}x");
        return 0;
    }

    private static double[] Time(int rounds, Action action)
    {
        // NOTE: tiered JIT needs many calls before loops run optimized code; fewer warm-up rounds measure the JIT.
        for (var i = 0; i < WarmUpRounds; i++) action();
        var times = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return times;
    }

    private static double Median(double[] times)
    {
        var sorted = times.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }

    private static SyntheticTarget[] Build(int count)
    {
        var targets = new SyntheticTarget[count];
        for (var i = 0; i < count; i++)
        {
            int layer = i / Width, k = i % Width;
            string[] inputs = layer == 0
                ? [$"params/l{layer}.yaml"]
                : [$"data/l{layer - 1}/t{(k + 1) % Width}/out.bin", k % 4 == 0 ? $"data/l{layer - 1}/t{k / 4 + 1}*/*.bin" : $"params/l{layer}/t{k}.yaml"];
            targets[i] = new SyntheticTarget(
                Name(layer, k),
                layer == 0 ? [] : [Name(layer - 1, k), Name(layer - 1, (k + 3) % Width), Name(layer - 1, (k + 7) % Width)],
                layer > 1 ? [Name(layer - 2, k)] : [],
                inputs,
                $"data/l{layer}/t{k}/out.bin");
        }
        return targets;
    }

    /// <summary>The same graph in the DSL a build class writes: each target refers to the others' definitions.</summary>
    private static List<KeyValuePair<string, Target>> Definitions(SyntheticTarget[] targets)
    {
        var byName = new Dictionary<string, Target>(targets.Length);
        foreach (var t in targets)
        {
            byName[t.Name] = _ => _
                .DependsOn([.. t.DependsOn.Select(n => byName[n])])
                .After([.. t.After.Select(n => byName[n])])
                .Inputs(t.Inputs)
                .Outputs(t.Output)
                .Executes(() => { });
        }
        return [.. targets.Select(t => KeyValuePair.Create(t.Name, byName[t.Name]))];
    }

    private static string Name(int layer, int position) => $"L{layer:D3}_T{position:D2}";

    private static List<string> TopologicalSort(SyntheticTarget[] targets)
    {
        var index = targets.Select((t, i) => (t.Name, i)).ToDictionary(p => p.Name, p => p.i);
        var waiting = new int[targets.Length];
        var waiters = targets.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < targets.Length; i++)
        {
            foreach (var dependency in targets[i].DependsOn)
            {
                waiters[index[dependency]].Add(i);
                waiting[i]++;
            }
        }
        var ready = new Queue<int>(Enumerable.Range(0, targets.Length).Where(i => waiting[i] == 0));
        var order = new List<string>(targets.Length);
        while (ready.TryDequeue(out var next))
        {
            order.Add(targets[next].Name);
            foreach (var waiter in waiters[next])
            {
                if (--waiting[waiter] == 0) ready.Enqueue(waiter);
            }
        }
        return order;
    }

    private sealed record SyntheticTarget(string Name, string[] DependsOn, string[] After, string[] Inputs, string Output);
}
