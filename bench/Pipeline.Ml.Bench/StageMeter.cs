using System.Diagnostics;

namespace Pipeline.Ml.Bench;

/// <summary>
/// Runs one stage and measures it: wall time, the process's peak resident set during the stage (VmHWM, reset before
/// the stage through /proc/self/clear_refs), the peak managed heap (sampled every 20 ms) and the bytes allocated.
/// </summary>
internal static class StageMeter
{
    /// <summary>Measures <paramref name="stage"/>; <paramref name="rows"/> is the row count its throughput is stated in.</summary>
    public static StageMeasurement Measure(string name, long rows, Action stage)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var peakReset = ResetPeak();
        var startRss = CurrentProcess().WorkingSet64;
        var startHeap = GC.GetTotalMemory(forceFullCollection: false);
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        long peakHeap = GC.GetTotalMemory(forceFullCollection: false);
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                stop.Token.WaitHandle.WaitOne(20);
            }
        });

        var cpu = CurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        stage();
        clock.Stop();
        stop.Cancel();
        sampler.Wait();

        var process = CurrentProcess();
        var heap = GC.GetGCMemoryInfo(GCKind.Any);
        var measurement = new StageMeasurement(name, rows, clock.Elapsed.TotalSeconds, process.PeakWorkingSet64, peakReset, startRss, startHeap,
            Math.Max(peakHeap, heap.HeapSizeBytes), GC.GetTotalAllocatedBytes(precise: false) - allocated)
        {
            CpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds,
        };
        Console.WriteLine(measurement.Line());
        return measurement;
    }

    private static Process CurrentProcess()
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        return process;
    }

    // NOTE: writing "5" to clear_refs resets VmHWM (Linux >= 4.0), so PeakWorkingSet64 is this stage's peak, not the run's.
    private static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
