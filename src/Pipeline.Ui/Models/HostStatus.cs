using System.Globalization;
using System.Text.Json;
using Pipeline.Serving.Admin;

namespace Pipeline.Ui.Models;

/// <summary>
/// What each serving host runs, from its admin API (<c>GET /admin/rollout</c>, the state <c>Deploy</c> and
/// <c>Rollback</c> answer with): the live version and the rollout in progress. Needs the admin token; a host that does
/// not answer within a few seconds is said to be down, never an error of the page.
/// </summary>
internal static class HostStatus
{
    /// <summary>One state per configured host, in the order of params.yaml deploy.host.</summary>
    public static async Task<IReadOnlyList<HostState>> ReadAsync(UiOptions options, IHttpClientFactory http, CancellationToken cancel)
    {
        if (string.IsNullOrEmpty(options.AdminToken))
            return options.ServingHosts.Select(h => HostState.Unread(h, "state not shown: the admin API needs the admin token (./build.sh Ui --admin-token)")).ToList();
        var reads = options.ServingHosts.Select(async host =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            var client = http.CreateClient(nameof(HostStatus));
            client.BaseAddress = host;
            try
            {
                return Parse(host, await new AdminClient(client, options.AdminToken).GetRolloutAsync(timeout.Token));
            }
            catch (Exception e) when (e is HttpRequestException or AdminException or OperationCanceledException or JsonException)
            {
                return HostState.Unread(host, $"not answering ({(e is OperationCanceledException ? "no answer within 3 s" : e.Message)})");
            }
        });
        return await Task.WhenAll(reads);
    }

    /// <summary>The host's <c>/admin/rollout</c> answer as a row (fields it lacks are empty).</summary>
    public static HostState Parse(Uri host, JsonElement state)
    {
        var live = state.TryGetProperty("live", out var l) && l.ValueKind == JsonValueKind.Object ? $"{Text(l, "version")} ({Text(l, "variant")})" : "no model";
        var steps = state.TryGetProperty("steps", out var s) && s.ValueKind == JsonValueKind.Array ? s.GetArrayLength() : 0;
        return new HostState(host, null, live, Text(state, "phase"), Text(state, "strategy"), Text(state, "version"),
            Integer(state, "percent"), Integer(state, "step"), steps, Text(state, "reason"), Text(state, "since"));
    }

    private static int? Integer(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.TryGetInt32(out var n) ? n : null;

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
}

/// <summary>
/// One serving host's row: what it serves, and its rollout (phase, strategy, version, the candidate's share of
/// traffic, the canary step of how many, and the judge's last verdict, which the host keeps as the state's reason).
/// <see cref="Problem"/> is set instead when the host was not read (no token, or it did not answer).
/// </summary>
internal sealed record HostState(
    Uri Host, string? Problem, string Live, string Phase, string Strategy, string Version, int? Percent, int? Step, int Steps, string Reason, string Since)
{
    /// <summary>A host whose state is not known, and why.</summary>
    public static HostState Unread(Uri host, string problem) => new(host, problem, "", "", "", "", null, null, 0, "", "");

    /// <summary>True while a rollout is under way (the candidate takes traffic or is mirrored).</summary>
    public bool Running => Phase == "running";

    /// <summary>The canary step as people count it (<c>2 of 4</c>), or empty outside a canary.</summary>
    public string StepText => Steps > 0 && Step is { } step ? string.Create(CultureInfo.InvariantCulture, $"{step + 1} of {Steps}") : "";
}
