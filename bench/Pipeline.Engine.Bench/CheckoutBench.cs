using System.Diagnostics;
using System.Globalization;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Hashing;

namespace Pipeline.Engine.Bench;

/// <summary>
/// What verifying a cache object on checkout costs, through the public <see cref="ObjectCache"/>.
/// <c>checkout --dir PATH [--size-mb N]</c> restores one N MiB object three ways, alternating, 3 timed rounds after a
/// warm-up: a plain copy of the object in 1 MiB blocks (what checkout did before it verified anything, and how it copies
/// where reflinks are unavailable: the baseline), a checkout the cache's state vouches for (the same
/// <see cref="ObjectCache"/> checked the object before: a stat, then the copy), and one it does not (a new
/// <see cref="ObjectCache"/>: md5 of the object, then the copy).
/// </summary>
internal static class CheckoutBench
{
    private const int Rounds = 3;
    private const int BlockSize = 1 << 20;

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
        var hash = FileHasher.Hash(source);
        var cacheRoot = Path.Combine(root, "cache");
        var vouched = new ObjectCache(cacheRoot);
        var objectPath = vouched.ObjectPath(hash);
        if (!File.Exists(objectPath))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(objectPath)!);
            PlainCopy(source, objectPath);
        }
        var dest = Path.Combine(root, "restored.bin");

        var plain = new List<double>();
        var trusted = new List<double>();
        var rehashed = new List<double>();
        Checkout(() => vouched.Checkout(hash, dest), dest); // warm-up (page cache, JIT); the md5 check is remembered
        for (var round = 0; round < Rounds; round++)
        {
            plain.Add(Checkout(() => PlainCopy(objectPath, dest), dest));
            trusted.Add(Checkout(() => vouched.Checkout(hash, dest), dest));
            var unvouched = new ObjectCache(cacheRoot);
            rehashed.Add(Checkout(() => unvouched.Checkout(hash, dest), dest));
        }
        var baseline = HashBench.Median(plain);
        Console.WriteLine($"object {hash}: {sizeMb} MiB");
        Console.WriteLine($"plain copy (baseline)          median {baseline:F3} s");
        Console.WriteLine($"verified, state cache vouches  median {HashBench.Median(trusted):F3} s  ratio {HashBench.Median(trusted) / baseline:F2}");
        Console.WriteLine($"verified, md5 recomputed       median {HashBench.Median(rehashed):F3} s  ratio {HashBench.Median(rehashed) / baseline:F2}");
        return 0;
    }

    private static void PlainCopy(string source, string dest)
    {
        using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        using var to = new FileStream(dest, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0);
        from.CopyTo(to, BlockSize);
    }

    private static double Checkout(Action restore, string dest)
    {
        if (File.Exists(dest)) File.Delete(dest);
        var watch = Stopwatch.StartNew();
        restore();
        return watch.Elapsed.TotalSeconds;
    }
}
