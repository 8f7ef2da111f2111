using System.Diagnostics;
using System.Globalization;
using Pipeline.Engine.Hashing;

namespace Pipeline.Engine.Bench;

/// <summary>
/// Hashing throughput against md5sum on the same file (owned by helper A).
/// <c>hash --file PATH [--size-mb N]</c>: ours vs <c>md5sum</c>, alternating, 3 timed rounds after a warm-up.
/// <c>hash --dir PATH --files N</c>: N small files hashed in parallel vs on one thread.
/// </summary>
internal static class HashBench
{
    private const int Rounds = 3;

    public static int Run(string[] args)
    {
        var file = Option(args, "--file");
        var dir = Option(args, "--dir");
        if (file is not null) return FileBench(Path.GetFullPath(file), long.Parse(Option(args, "--size-mb") ?? "1024", CultureInfo.InvariantCulture));
        if (dir is not null) return DirBench(Path.GetFullPath(dir), int.Parse(Option(args, "--files") ?? "10000", CultureInfo.InvariantCulture));
        Console.Error.WriteLine("usage: hash --file PATH [--size-mb N] | hash --dir PATH [--files N]");
        return 2;
    }

    private static int FileBench(string path, long sizeMb)
    {
        if (!File.Exists(path)) WriteDeterministic(path, sizeMb << 20);
        var bytes = new FileInfo(path).Length;
        Console.WriteLine($"file {path}: {bytes >> 20} MiB");
        var expected = FileHasher.Hash(path).Value; // warm-up for ours (and the page cache)
        if (Md5sum(path) != expected) throw new InvalidOperationException($"md5sum and FileHasher disagree on {path}.");

        var ours = new List<double>();
        var theirs = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            theirs.Add(Time(() => Md5sum(path)));
            ours.Add(Time(() => FileHasher.Hash(path)));
        }
        var (o, t) = (Median(ours), Median(theirs));
        Report("md5sum", t, bytes);
        Report("FileHasher", o, bytes);
        Console.WriteLine($"ratio ours/md5sum throughput: {t / o:F3}");
        return 0;
    }

    private static int DirBench(string path, int files)
    {
        if (!Directory.Exists(path) || Directory.GetFiles(path, "*", SearchOption.AllDirectories).Length != files)
        {
            Directory.CreateDirectory(path);
            for (var i = 0; i < files; i++)
            {
                var sub = Path.Combine(path, (i % 100).ToString("00", CultureInfo.InvariantCulture));
                Directory.CreateDirectory(sub);
                File.WriteAllText(Path.Combine(sub, $"f{i:D6}.txt"), $"row {i}\n" + new string('x', i % 4096));
            }
        }
        var parallelism = Environment.ProcessorCount;
        var oid = new PathHasher(parallelism).Info(path).Hash; // warm-up
        var sequential = new List<double>();
        var parallel = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            sequential.Add(Time(() => new PathHasher(1).Info(path)));
            parallel.Add(Time(() => new PathHasher(parallelism).Info(path)));
        }
        var cached = new PathHasher(parallelism);
        cached.Info(path);
        var stateHit = Time(() => cached.Info(path));
        Console.WriteLine($"dir {path}: {files} files, oid {oid}");
        Console.WriteLine($"sequential   median {Median(sequential):F3} s");
        Console.WriteLine($"parallel({parallelism}) median {Median(parallel):F3} s");
        Console.WriteLine($"speedup: {Median(sequential) / Median(parallel):F2}x; unchanged (state cache hits): {stateHit:F3} s");
        return 0;
    }

    internal static void WriteDeterministic(string path, long length)
    {
        // NOTE: a fixed xorshift stream, so every run hashes the same bytes without a Random instance.
        var buffer = new byte[1 << 20];
        ulong state = 0x9E3779B97F4A7C15;
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0);
        for (long written = 0; written < length; written += buffer.Length)
        {
            for (var i = 0; i < buffer.Length; i += 8)
            {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                BitConverter.TryWriteBytes(buffer.AsSpan(i), state);
            }
            stream.Write(buffer, 0, (int)Math.Min(buffer.Length, length - written));
        }
    }

    private static string Md5sum(string path)
    {
        var info = new ProcessStartInfo("md5sum") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(path);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start md5sum.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Split(' ', 2)[0];
    }

    private static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    internal static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static void Report(string name, double seconds, long bytes) =>
        Console.WriteLine($"{name,-11} median {seconds:F3} s  {bytes / seconds / 1e6:F0} MB/s");

    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
