using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pipeline.Serving.Logging;

/// <summary>Registers the prediction log (SQLite, or PostgreSQL when a connection string is given) as a hosted service.</summary>
internal static class PredictionLogSetup
{
    /// <summary>Adds the log and its writer.</summary>
    public static IServiceCollection AddPredictionLog(this IServiceCollection services, ServingOptions options)
    {
        var store = options.PostgresConnectionString is { } pg ? PredictionStore.Postgres(pg) : PredictionStore.Sqlite(options.PredictionLogFullPath);
        services.AddSingleton(s => new PredictionLog(store, options.LogQueueCapacity, options.LogWaitTimeout, s.GetRequiredService<ILogger<PredictionLog>>()));
        services.AddSingleton<IHostedService>(s => s.GetRequiredService<PredictionLog>());
        return services;
    }
}
