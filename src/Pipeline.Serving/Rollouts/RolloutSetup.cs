using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Rollouts;

/// <summary>Registers the rollout controller (attached to the prediction service) and the canary ticker.</summary>
internal static class RolloutSetup
{
    /// <summary>Adds rollouts.</summary>
    public static IServiceCollection AddRollouts(this IServiceCollection services)
    {
        services.AddSingleton(s => new RolloutController(
            s.GetRequiredService<PredictionService>(), s.GetRequiredService<ServingOptions>(), s.GetRequiredService<TimeProvider>(), s.GetRequiredService<ILogger<RolloutController>>()));
        services.AddSingleton<IHostedService, CanaryTicker>();
        return services;
    }
}
