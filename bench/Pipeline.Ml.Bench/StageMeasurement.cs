using System.Globalization;

namespace Pipeline.Ml.Bench;

/// <summary>One stage's wall time and memory, with the row count its throughput is stated in.</summary>
internal sealed record StageMeasurement(
    string Name, long Rows, double Seconds, long PeakWorkingSet, bool PeakIsPerStage, long StartWorkingSet, long StartManagedHeap, long PeakManagedHeap, long AllocatedBytes)
{
    /// <summary>
    /// CPU time of the whole process during the stage (every thread, the GC's included): on a loaded machine the
    /// steadier figure, since wall time also counts the time other jobs held the cores.
    /// </summary>
    public double CpuSeconds { get; init; }

    /// <summary>Rows per second.</summary>
    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;

    /// <summary>A console progress line.</summary>
    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-22} {Seconds,8:0.00} s  CPU {CpuSeconds,8:0.00} s  {RowsPerSecond,10:N0} rows/s  peak RSS {Mb(PeakWorkingSet),7:N0} MiB{(PeakIsPerStage ? "" : " (run)")}  start RSS {Mb(StartWorkingSet),6:N0} MiB  start heap {Mb(StartManagedHeap),5:N0} MiB  peak heap {Mb(PeakManagedHeap),6:N0} MiB  allocated {Mb(AllocatedBytes),8:N0} MiB");

    /// <summary>A markdown table row, times also stated as multiples of <paramref name="readSeconds"/>.</summary>
    public string Row(double readSeconds) => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Rows:N0} | {Seconds:0.00} | {Seconds / readSeconds:0.0}× | {RowsPerSecond:N0} | {Mb(PeakWorkingSet):N0}{(PeakIsPerStage ? "" : " (run)")} | {Mb(StartWorkingSet):N0} | {Mb(StartManagedHeap):N0} | {Mb(PeakManagedHeap):N0} | {Mb(AllocatedBytes):N0} |");

    /// <summary>The markdown table header matching <see cref="Row"/>.</summary>
    public const string TableHeader =
        "| stage | rows | seconds | × one read | rows/s | peak RSS MiB | RSS at start MiB | heap at start MiB | peak managed heap MiB | allocated MiB |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);
}
