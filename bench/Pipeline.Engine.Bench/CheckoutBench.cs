using System.Diagnostics;
using System.Globalization;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Bench;

/// <summary>
/// What verifying a cache object on checkout costs. <c>checkout --dir PATH [--size-mb N]</c> restores one N MiB
/// object three ways, alternating, 3 timed rounds after a warm-up: a plain copy of the object (what checkout did
/// before it verified anything: the baseline), a checkout the state cache vouches for (a stat, then the copy), and a
/// checkout it does not (md5 of the object, then the copy).
/// </summary>
internal static class CheckoutBench
{
    private const int Rounds = 3;

    public static int Run(string[] args)
    {
        var dir = HashBench.Option(args, "--dir");
        if (dir is null)
        {
            Console.Error.WriteLine("usage: checkout --dir PATH [--size-mb N]");
            return 2;
        }
        var root = Path.GetFullPath(dir);
        var sizeMb = long.Parse(HashBench.Option(args, "--size-mb") ?? "256", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(root);
        var source = Path.Combine(root, "source.bin");
        if (!File.Exists(source)) HashBench.WriteDeterministic(source, sizeMb << 20);
        var state = StateCache.InMemory();
        var hashed = new PathHasher(state, 1).Hash(source);
        var vouched = new ObjectCache(Path.Combine(root, "cache"), state);
        vouched.Add(hashed);
        var objectPath = vouched.ObjectPath(hashed.Info.Hash);
        var dest = Path.Combine(root, "restored.bin");

        var plain = new List<double>();
        var trusted = new List<double>();
        var rehashed = new List<double>();
        Checkout(() => vouched.Checkout(hashed.Info.Hash, dest), dest); // warm-up (page cache, JIT)
        for (var round = 0; round < Rounds; round++)
        {
            plain.Add(Checkout(() => FileCloner.CloneOrCopy(objectPath, dest), dest));
            trusted.Add(Checkout(() => vouched.CheckoutAll([CheckoutItem.Of(hashed.Info, dest)]), dest));
            var unvouched = new ObjectCache(vouched.Root, StateCache.InMemory());
            rehashed.Add(Checkout(() => unvouched.CheckoutAll([CheckoutItem.Of(hashed.Info, dest)]), dest));
        }
        var baseline = HashBench.Median(plain);
        Console.WriteLine($"object {hashed.Info.Hash}: {sizeMb} MiB");
        Console.WriteLine($"plain copy (baseline)          median {baseline:F3} s");
        Console.WriteLine($"verified, state cache vouches  median {HashBench.Median(trusted):F3} s  ratio {HashBench.Median(trusted) / baseline:F2}");
        Console.WriteLine($"verified, md5 recomputed       median {HashBench.Median(rehashed):F3} s  ratio {HashBench.Median(rehashed) / baseline:F2}");
        return 0;
    }

    private static double Checkout(Action restore, string dest)
    {
        if (File.Exists(dest)) File.Delete(dest);
        var watch = Stopwatch.StartNew();
        restore();
        return watch.Elapsed.TotalSeconds;
    }
}
