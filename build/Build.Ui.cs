using System.Diagnostics;
using Pipeline.Engine;
using Pipeline.Ui;

namespace ReferencePipeline;

/// <summary>The local web UI: the pipeline, experiments, models and monitoring in a browser.</summary>
internal sealed partial class Build
{
    [Parameter("Ui: the address the web UI binds (default 127.0.0.1; another address needs --admin-token)")] readonly string UiBind = "127.0.0.1";

    Target Ui => _ => _
        .Description("Web UI on http://127.0.0.1:5090 (--port): pipeline, experiments, models, monitoring; read-only unless --admin-token")
        .NoRepositoryLock()
        .AlwaysRun()
        .Executes(async ctx => await UiHost.RunAsync(new UiOptions
        {
            RootDirectory = RootDirectory,
            BindAddress = UiBind,
            Port = Port ?? 5090,
            AdminToken = AdminToken,
            RegistryRoot = Paths.Registry,
            // NOTE: the hosts Deploy and Rollback address; --port is the UI's own here, so the serving default is 5080.
            ServingHosts = [.. ServingAddressesOn(DefaultServingPort).Select(h => new Uri(h))],
            Plan = PlanText,
        }, TimeProvider.System, ctx.CancellationToken));

    /// <summary>What <c>./build.sh --plan</c> prints now (it runs nothing), for the UI's "what would run now" page.</summary>
    private async Task<string> PlanText(CancellationToken cancel)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RootDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "build.sh", "--plan" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash to run build.sh --plan.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("./build.sh --plan did not finish within 2 minutes.");
        }
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"./build.sh --plan exited with {process.ExitCode}: {(await errors).Trim()} {(await output).Trim()}");
    }
}
