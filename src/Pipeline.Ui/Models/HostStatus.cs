using System.Globalization;
using System.Text.Json;
using Pipeline.Serving.Admin;

namespace Pipeline.Ui.Models;

/// <summary>
/// What each serving host runs, from its admin API (<c>GET /admin/rollout</c>, the state <c>Deploy</c> and
/// <c>Rollback</c> answer with): the live version and a rollout in progress. Needs the admin token; a host that does
/// not answer within a few seconds is said to be down, never an error of the page.
/// </summary>
internal static class HostStatus
{
    /// <summary>One line per host.</summary>
    public static async Task<IReadOnlyList<(Uri Host, string State)>> ReadAsync(UiOptions options, IHttpClientFactory http, CancellationToken cancel)
    {
        if (string.IsNullOrEmpty(options.AdminToken))
            return options.ServingHosts.Select(h => (h, "state not shown: the admin API needs the admin token (./build.sh Ui --admin-token)")).ToList();
        var reads = options.ServingHosts.Select(async host =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            var client = http.CreateClient(nameof(HostStatus));
            client.BaseAddress = host;
            try
            {
                return (host, Describe(await new AdminClient(client, options.AdminToken).GetRolloutAsync(timeout.Token)));
            }
            catch (Exception e) when (e is HttpRequestException or AdminException or OperationCanceledException or JsonException)
            {
                return (host, $"not answering ({e.Message})");
            }
        });
        return await Task.WhenAll(reads);
    }

    private static string Describe(JsonElement state)
    {
        var live = state.TryGetProperty("live", out var l) && l.ValueKind == JsonValueKind.Object ? $"{Text(l, "version")} ({Text(l, "variant")})" : "no model";
        var phase = Text(state, "phase");
        if (phase != "running") return $"serving {live}";
        var percent = state.TryGetProperty("percent", out var p) && p.TryGetInt32(out var n) ? n.ToString(CultureInfo.InvariantCulture) + " %" : "";
        return $"serving {live}; {Text(state, "strategy")} rollout of {Text(state, "version")} running {percent}".TrimEnd();
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
}
