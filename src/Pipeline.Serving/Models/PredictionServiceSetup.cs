using Microsoft.Extensions.DependencyInjection;
using Pipeline.Serving.Logging;

namespace Pipeline.Serving.Models;

/// <summary>Registers the prediction service with the configured model version loaded (so start-up fails on a bad model).</summary>
internal static class PredictionServiceSetup
{
    /// <summary>Loads the model now and adds the service.</summary>
    public static IServiceCollection AddPredictionService(this IServiceCollection services, ServingOptions options)
    {
        var folder = options.ModelFolder(out var problem) ?? throw new InvalidOperationException(problem);
        var model = ModelLoader.Load(folder, options.ModelName, options.Variant);
        services.AddSingleton(s =>
        {
            var service = new PredictionService(options.ModelName, s.GetRequiredService<PredictionLog>(), s.GetRequiredService<TimeProvider>());
            service.Swap(model);
            return service;
        });
        return services;
    }
}
