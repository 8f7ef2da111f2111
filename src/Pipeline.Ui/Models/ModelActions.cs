using Pipeline.Engine.Primitives;
using Pipeline.Ml.Gate;
using Pipeline.Serving.Admin;
using Pipeline.Serving.Rollouts;

namespace Pipeline.Ui.Models;

/// <summary>
/// The Models page's actions, through the code the CLI uses: a promotion makes the version production in the
/// registry folder (as Register does) and rolls it out directly to each serving host through its admin API (as
/// Deploy does, with <see cref="AdminClient"/>); a rollback asks each host to put its previous model back (as
/// <c>./build.sh Rollback</c> does); starting a rollout sends the chosen strategy to each host as Deploy does. A host that does not answer is reported, as the CLI reports it.
/// </summary>
internal sealed class ModelActions(UiOptions options, IHttpClientFactory http)
{
    /// <summary>Makes <paramref name="version"/> of <paramref name="model"/> production; returns what happened, line by line.</summary>
    public async Task<IReadOnlyList<string>> PromoteAsync(string model, ModelVersion version, CancellationToken cancel)
    {
        RegistryFolder.Promote(options.RegistryPath, model, version);
        var lines = new List<string> { $"{model} {version} is now the production version in models/registry." };
        foreach (var host in options.ServingHosts)
        {
            try
            {
                await Client(host).StartRolloutAsync(new RolloutRequest { Strategy = "direct", Version = version.ToString() }, cancel);
                lines.Add($"{host}: now serving {version}.");
            }
            catch (HttpRequestException e)
            {
                lines.Add($"No serving host answers at {host} ({e.Message}); the next ./build.sh Serve serves {version}.");
            }
            catch (AdminException e)
            {
                lines.Add($"{host} refused the rollout: {e.Message}");
            }
        }
        return lines;
    }

    /// <summary>Asks every serving host to put its previous model back; returns what each answered, and whether all did it.</summary>
    public async Task<(IReadOnlyList<string> Lines, bool Succeeded)> RollbackAsync(CancellationToken cancel)
    {
        if (options.ServingHosts.Count == 0) return (["No serving host is configured (params.yaml deploy.host); a rollback acts on a running host."], false);
        var lines = new List<string>();
        var succeeded = true;
        foreach (var host in options.ServingHosts)
        {
            try
            {
                var state = await Client(host).RollbackAsync(cancel);
                lines.Add($"Rolled back on {host}: {(state.TryGetProperty("reason", out var reason) ? reason.GetString() : state.ToString())}");
            }
            catch (Exception e) when (e is HttpRequestException or AdminException or TaskCanceledException)
            {
                lines.Add($"Rollback on {host} failed: {e.Message}");
                succeeded = false;
            }
        }
        return (lines, succeeded);
    }

    /// <summary>
    /// Starts <paramref name="request"/> on every serving host (<c>POST /admin/rollout</c>, as Deploy does); the registry's
    /// production pointer is the hosts' to move when the rollout completes. Returns what each answered, and whether all started it.
    /// </summary>
    public async Task<(IReadOnlyList<string> Lines, bool Succeeded)> StartRolloutAsync(RolloutRequest request, CancellationToken cancel)
    {
        if (options.ServingHosts.Count == 0) return (["No serving host is configured (params.yaml deploy.host); a rollout is started on a running host."], false);
        var lines = new List<string>();
        var succeeded = true;
        foreach (var host in options.ServingHosts)
        {
            try
            {
                var state = HostStatus.Parse(host, await Client(host).StartRolloutAsync(request, cancel));
                lines.Add($"{host}: {request.Strategy} rollout of {request.Version} {state.Phase}{(state.Running ? $" at {state.Percent} %" : "")}; serving {state.Live}.");
            }
            catch (Exception e) when (e is HttpRequestException or AdminException or TaskCanceledException)
            {
                lines.Add($"The rollout on {host} was not started: {e.Message}");
                succeeded = false;
            }
        }
        return (lines, succeeded);
    }

    private AdminClient Client(Uri host)
    {
        var client = http.CreateClient(nameof(ModelActions));
        client.BaseAddress = host;
        return new AdminClient(client, options.AdminToken);
    }
}
