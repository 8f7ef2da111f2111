using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pipeline.Serving.Metrics;

/// <summary>
/// The process and runtime readings Monitor's scraper reads (CPU, memory, GC, thread pool), as observable
/// instruments read when scraped, under the Prometheus names it knows (<c>process_cpu_seconds_total</c>, …).
/// </summary>
// NOTE: the runtime's own "System.Runtime" meter has these too, but under OpenTelemetry's semantic-convention names
// (dotnet_process_cpu_time_seconds_total{cpu_mode=...}); these keep the names Monitor and the bench scrape.
internal static class ProcessInstruments
{
    /// <summary>Creates the instruments on <paramref name="meter"/>.</summary>
    public static void Create(Meter meter)
    {
        meter.CreateObservableCounter("process_cpu_seconds", () => Process(p => p.TotalProcessorTime.TotalSeconds), description: "User and system CPU time in seconds.");
        meter.CreateObservableGauge("process_resident_memory_bytes", () => Process(p => (double)p.WorkingSet64), description: "Resident memory in bytes.");
        meter.CreateObservableGauge("process_virtual_memory_bytes", () => Process(p => (double)p.VirtualMemorySize64), description: "Virtual memory in bytes.");
        meter.CreateObservableGauge("process_threads", () => Process(p => (double)p.Threads.Count), description: "Operating system threads.");
        meter.CreateObservableGauge("dotnet_gc_heap_size_bytes", () => GC.GetTotalMemory(forceFullCollection: false), description: "Bytes on the managed heap.");
        meter.CreateObservableCounter("dotnet_gc_allocated_bytes", () => GC.GetTotalAllocatedBytes(), description: "Bytes allocated on the managed heap.");
        meter.CreateObservableCounter("dotnet_gc_pause_seconds", () => GC.GetTotalPauseDuration().TotalSeconds, description: "Time paused for garbage collection.");
        meter.CreateObservableCounter("dotnet_gc_collections", Collections, description: "GC collections by generation.");
        meter.CreateObservableGauge("dotnet_threadpool_threads", () => ThreadPool.ThreadCount, description: "Thread pool threads.");
        meter.CreateObservableCounter("dotnet_threadpool_completed_items", () => ThreadPool.CompletedWorkItemCount, description: "Work items the thread pool completed.");
    }

    private static double Process(Func<Process, double> read)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return read(process);
    }

    private static IEnumerable<Measurement<long>> Collections()
    {
        for (var generation = 0; generation <= GC.MaxGeneration; generation++)
        {
            yield return new Measurement<long>(GC.CollectionCount(generation), new KeyValuePair<string, object?>("generation", "gen" + generation.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
