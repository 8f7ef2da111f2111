using System.Diagnostics;
using Pipeline.Monitoring.Reports;

namespace Pipeline.Serving.Bench;

/// <summary>
/// The monitor in its own process, as <c>./build.sh Monitor</c> runs beside a host: this program with
/// <c>--monitor-child</c> runs a <see cref="MonitorLoop"/> until its standard input closes, then prints the loop's summary.
/// Its allocations and GC pauses stay out of the load generator, which measures the latency.
/// </summary>
internal sealed class MonitorProcess : IAsyncDisposable
{
    private readonly Process child;

    private MonitorProcess(Process child) => this.child = child;

    /// <summary>Starts the monitor process against <paramref name="rest"/> reading <paramref name="predictionLog"/>.</summary>
    public static MonitorProcess Start(BenchOptions options, Uri rest, string predictionLog)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (!Environment.ProcessPath!.EndsWith("Pipeline.Serving.Bench", StringComparison.Ordinal)) start.ArgumentList.Add(typeof(MonitorProcess).Assembly.Location);
        foreach (var argument in options.MonitorArguments(rest, predictionLog)) start.ArgumentList.Add(argument);
        return new MonitorProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start the monitor process."));
    }

    /// <summary>Closes its input and returns its summary line.</summary>
    public async Task<string> StopAsync()
    {
        child.StandardInput.Close();
        var summary = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        return summary.Trim();
    }

    /// <summary>The child side: loops until standard input ends, then prints the summary.</summary>
    public static async Task<int> RunChildAsync(BenchOptions options)
    {
        var folder = Path.Combine(options.Directory, "monitor");
        var inputs = new MonitoringInputs(options.MonitorLog!, Path.Combine(folder, "reference.csv"), Path.Combine(folder, "metrics.json"));
        var loop = new MonitorLoop(new Uri(options.MonitorChild!), inputs, folder, options.MonitorInterval);
        loop.Start();
        while (await Console.In.ReadLineAsync() is not null)
        {
        }

        Console.Out.WriteLine(await loop.StopAsync());
        return 0;
    }

    /// <summary>Stops the process if it is still running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!child.HasExited)
        {
            child.Kill();
            await child.WaitForExitAsync();
        }

        child.Dispose();
    }
}
