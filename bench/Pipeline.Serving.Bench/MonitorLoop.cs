using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Pipeline.Monitoring.Hosts;
using Pipeline.Monitoring.Reports;

namespace Pipeline.Serving.Bench;

/// <summary>
/// What <c>./build.sh Monitor</c> does against a live host, once per interval on its own thread while the load runs:
/// the host's <c>/metrics</c> read twice a quarter second apart (<see cref="HostScraper"/>), then a monitoring report over
/// the last 1000 predictions of the host's SQLite log written as JSON and HTML (<see cref="MonitoringReportFile.Write"/>).
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Started and stopped once per bench run; StopAsync disposes what it owns.")]
internal sealed class MonitorLoop
{
    private readonly HttpClient http;
    private readonly HostScraper scraper;
    private readonly string address;
    private readonly MonitoringInputs inputs;
    private readonly string reportDirectory;
    private readonly List<double> passes = [];
    private readonly CancellationTokenSource stop = new();
    private readonly long interval;
    private Task? loop;
    private int failures;
    private string? lastVerdict;

    /// <summary>Prepares a loop against <paramref name="rest"/> reading <paramref name="inputs"/>, writing under <paramref name="reportDirectory"/>.</summary>
    public MonitorLoop(Uri rest, MonitoringInputs inputs, string reportDirectory, double intervalSeconds)
    {
        interval = (long)(intervalSeconds * Stopwatch.Frequency);
        // NOTE: its own client: the load's 32 REST connections are all busy, and a monitor is a separate process.
        http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
        scraper = new HostScraper(http) { CpuInterval = TimeSpan.FromMilliseconds(250) };
        address = rest.ToString();
        this.inputs = inputs;
        this.reportDirectory = reportDirectory;
    }

    /// <summary>Starts the loop (one pass now, then one at the start of every following interval).</summary>
    public void Start() => loop = Task.Factory.StartNew(Run, TaskCreationOptions.LongRunning);

    /// <summary>Stops the loop after its current pass; returns a report line (passes, failures, pass duration).</summary>
    public async Task<string> StopAsync()
    {
        await stop.CancelAsync();
        await loop!;
        http.Dispose();
        stop.Dispose();
        var sorted = passes.Order().ToArray();
        return sorted.Length == 0
            ? $"monitor: no pass completed, {failures} failed"
            : FormattableString.Invariant($"monitor: {sorted.Length} passes, {failures} failed, pass median {sorted[sorted.Length / 2]:F0} ms, max {sorted[^1]:F0} ms, verdict {lastVerdict}");
    }

    private void Run()
    {
        var next = Stopwatch.GetTimestamp();
        while (!stop.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                var host = scraper.Read(address);
                var report = MonitoringRun.Build(inputs, new MonitoringOptions { WindowSize = 1000 }, TimeProvider.System, [host]);
                MonitoringReportFile.Write(report, Path.Combine(reportDirectory, "monitoring.json"), Path.Combine(reportDirectory, "monitoring.html"));
                lastVerdict = report.Verdict.ToString();
                passes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException or InvalidOperationException)
            {
                failures++;
                Console.Error.WriteLine($"monitor pass failed: {e.Message}");
            }

            next += interval;
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero)
            {
                stop.Token.WaitHandle.WaitOne(wait);
            }
            else
            {
                next = Stopwatch.GetTimestamp();
            }
        }
    }
}
