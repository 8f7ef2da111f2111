using Pipeline.Engine;
using Pipeline.Serving.Admin;
using Pipeline.Serving.Rollouts;

namespace ReferencePipeline;

/// <summary>Rolling a registered version out to a running serving host through its admin API.</summary>
internal static class Rollout
{
    /// <summary>
    /// Starts <paramref name="plan"/> (a strategy for a registered version) on the host at <paramref name="host"/>; when no host
    /// answers there, says so and leaves it to the next <c>./build.sh Serve</c>, which serves the production version.
    /// </summary>
    public static void Start(string host, string? token, RolloutRequest plan, ITargetLog log)
    {
        using var http = new HttpClient { BaseAddress = new Uri(host), Timeout = TimeSpan.FromSeconds(30) };
        var client = new AdminClient(http, token);
        try
        {
            var state = client.StartRolloutAsync(plan).GetAwaiter().GetResult();
            log.Information($"Rollout of {plan.Version} started on {host} ({plan.Strategy}): {state}");
        }
        catch (HttpRequestException e)
        {
            log.Warning($"No serving host answers at {host} ({e.Message}); {plan.Version} is production and the next ./build.sh Serve serves it.");
        }
    }

    public static void Rollback(string host, string? token, ITargetLog log)
    {
        using var http = new HttpClient { BaseAddress = new Uri(host), Timeout = TimeSpan.FromSeconds(10) };
        var state = new AdminClient(http, token).RollbackAsync().GetAwaiter().GetResult();
        log.Information($"Rolled back on {host}: {state}");
    }
}
