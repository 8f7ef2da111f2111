using System.Diagnostics;

namespace Pipeline.Ingest.Bench;

/// <summary>Samples the process working set every 10 ms while an action runs; the peak above the level before it.</summary>
internal static class PeakMemory
{
    public static (TimeSpan Elapsed, long PeakBytes) Measure(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var peak = before;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            using var self = Process.GetCurrentProcess();
            while (!done.Wait(10))
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64);
            }
        }) { IsBackground = true };
        sampler.Start();
        var clock = Stopwatch.StartNew();
        action();
        clock.Stop();
        done.Set();
        sampler.Join();
        return (clock.Elapsed, Math.Max(0, peak - before));
    }
}
