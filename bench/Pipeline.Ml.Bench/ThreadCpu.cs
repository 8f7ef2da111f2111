using System.Globalization;

namespace Pipeline.Ml.Bench;

/// <summary>
/// CPU time per thread of this process during a stage (Linux: /proc/self/task/*/stat, sampled every 100 ms, so a thread
/// that ends between samples loses its last 100 ms): the critical path of a stage is its busiest thread, not CPU / cores.
/// </summary>
internal sealed class ThreadCpu : IDisposable
{
    private readonly Dictionary<string, (string Name, double Start, double Last)> threads = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampler;

    private ThreadCpu()
    {
        Sample(first: true);
        sampler = Task.Run(() =>
        {
            while (!stop.Token.WaitHandle.WaitOne(100)) Sample(first: false);
        });
    }

    /// <summary>Starts sampling (nothing on systems without /proc).</summary>
    public static ThreadCpu Start() => new();

    /// <summary>Stops sampling; the threads that used at least <paramref name="minimum"/> CPU-s, busiest first, as one line.</summary>
    public string Report(double minimum = 0.5)
    {
        stop.Cancel();
        sampler.Wait();
        Sample(first: false);
        var busy = threads.Values.Select(t => (t.Name, Seconds: t.Last - t.Start)).Where(t => t.Seconds >= minimum).OrderByDescending(t => t.Seconds);
        return "threads CPU-s: " + string.Join(", ", busy.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} {t.Seconds:0.0}")));
    }

    public void Dispose()
    {
        if (!stop.IsCancellationRequested) { stop.Cancel(); sampler.Wait(); }
        stop.Dispose();
    }

    private void Sample(bool first)
    {
        if (!Directory.Exists("/proc/self/task")) return;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            string stat;
            try { stat = File.ReadAllText(Path.Combine(task, "stat")); }
            catch (IOException) { continue; }
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            var seconds = (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / 100;
            var id = Path.GetFileName(task);
            var name = $"{stat[(open + 1)..close]}#{id}";
            lock (threads)
                threads[id] = threads.TryGetValue(id, out var known) ? known with { Last = seconds } : (name, first ? seconds : 0, seconds);
        }
    }
}
