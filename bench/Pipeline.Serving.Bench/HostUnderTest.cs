using System.Diagnostics;
using Microsoft.AspNetCore.Builder;

namespace Pipeline.Serving.Bench;

/// <summary>
/// The serving host the load goes to: a child process running this program with <c>--serve</c> (the default: the load
/// generator's allocations and threads do not share the server's runtime), or a host built in this process.
/// </summary>
internal sealed class HostUnderTest : IAsyncDisposable
{
    private readonly Process? child;
    private readonly WebApplication? app;
    private readonly List<string> output = [];

    private HostUnderTest(Uri rest, Uri grpc, Process? child, WebApplication? app) => (Rest, Grpc, this.child, this.app) = (rest, grpc, child, app);

    /// <summary>The host's prediction log, relative to the work folder.</summary>
    public string PredictionLog => ServeMode.LogPath(child?.Id ?? Environment.ProcessId);

    /// <summary>The REST base address.</summary>
    public Uri Rest { get; }

    /// <summary>The gRPC address.</summary>
    public Uri Grpc { get; }

    /// <summary>Where the host runs, for the report.</summary>
    public string Description => child is null ? "in-process (ServingHost.Build)" : $"child process {child.Id} (dotnet Pipeline.Serving.Bench.dll --serve)";

    /// <summary>Starts the child host and waits for its READY line.</summary>
    public static async Task<HostUnderTest> StartChildAsync(BenchOptions options)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (!Environment.ProcessPath!.EndsWith("Pipeline.Serving.Bench", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(typeof(HostUnderTest).Assembly.Location);
        }

        foreach (var variable in options.HostEnvironment)
        {
            var equals = variable.IndexOf('=', StringComparison.Ordinal);
            start.Environment[variable[..equals]] = variable[(equals + 1)..];
        }

        foreach (var argument in options.ServeArguments())
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child host.");
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(ServeMode.Ready + " ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                var host = new HostUnderTest(new Uri(parts[1]), new Uri(parts[2]), process, null);
                _ = Task.Run(() => host.CollectAsync(process.StandardOutput));
                return host;
            }

            Console.Error.WriteLine("host: " + line);
        }

        throw new InvalidOperationException($"The child host exited with {process.ExitCodeOrNone()} before it was ready.");
    }

    /// <summary>Builds and starts the host in this process.</summary>
    public static async Task<HostUnderTest> StartInProcessAsync(BenchOptions options)
    {
        var app = ServingHost.Build(ServeMode.HostOptions(options));
        await app.StartAsync();
        var addresses = ServingHost.Addresses(app);
        return new HostUnderTest(addresses.Rest, addresses.Grpc, null, app);
    }

    /// <summary>Stops the host cleanly; returns the host's own prediction log summary line, if it logged one.</summary>
    public async Task<string?> StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            return null;
        }

        child!.StandardInput.Close();
        await child.WaitForExitAsync();
        lock (output)
        {
            return output.LastOrDefault(l => l.Contains("Prediction log stopped", StringComparison.Ordinal))?.Trim();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (child is { HasExited: false })
        {
            child.Kill();
            await child.WaitForExitAsync();
        }

        child?.Dispose();
    }

    private async Task CollectAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            // NOTE: only the log's summary is kept; per-request log lines (if the host logs them) would grow unbounded.
            if (!line.Contains("Prediction log", StringComparison.Ordinal))
            {
                continue;
            }

            lock (output)
            {
                output.Add(line);
            }
        }
    }
}
