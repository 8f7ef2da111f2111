using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pipeline.Serving.Admin;
using Pipeline.Serving.Grpc;
using Pipeline.Serving.Hosting;
using Pipeline.Serving.Logging;
using Pipeline.Serving.Metrics;
using Pipeline.Serving.Models;
using Pipeline.Serving.Rest;

namespace Pipeline.Serving;

/// <summary>
/// The serving host: REST (Open Inference Protocol v2 and the v1 JSON API) and gRPC over one prediction service,
/// with the prediction log, feedback and Prometheus metrics. Run it with <c>app.RunAsync()</c>: SIGINT/SIGTERM stop
/// accepting, finish in-flight requests, then flush the prediction log.
/// </summary>
public static class ServingHost
{
    /// <summary>Validates the options, loads the model and composes the host (not started).</summary>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public static WebApplication Build(ServingOptions options, TimeProvider? clock = null)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(ServingOptions), typeof(ServingOptions), problems);
        }

        // NOTE: no reload-on-change of appsettings.json: it watches the content root (the repository) recursively, and
        // the prediction log under data/serving then wakes the watcher thread on every SQLite write (5 % of the
        // host's CPU at 13k predictions/s). The host's settings are ServingOptions, fixed at start-up anyway.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = options.RootDirectory, Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        var endpoints = new ServingEndpoints();
        endpoints.Configure(builder.WebHost, options);
        // NOTE: per-request framework logs would cost more than a prediction; every request is in the prediction log
        // and /metrics already, so the console keeps warnings, errors and the host's own events.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(options).AddSingleton(endpoints).AddSingleton(clock ?? TimeProvider.System);
        builder.Services.AddPredictionLog(options);
        builder.Services.AddPredictionService(options);
        builder.Services.AddServingMetrics(options);
        builder.Services.AddInferenceGrpc(options);
        builder.Services.AddAdmin();

        var app = builder.Build();
        app.UseServingMetrics();
        app.MapOpenInferenceRest();
        app.MapPredictV1();
        app.MapRecommendV1();
        app.MapFeedback();
        app.MapInferenceGrpc();
        app.MapMetrics();
        app.MapAdmin();
        return app;
    }

    /// <summary>
    /// Builds and runs the host until SIGINT/SIGTERM (or <paramref name="cancel"/>), then drains: the server stops
    /// accepting, finishes in-flight requests, and the prediction log is flushed.
    /// </summary>
    public static async Task RunAsync(ServingOptions options, TimeProvider? clock = null, CancellationToken cancel = default)
    {
        await using var app = Build(options, clock);
        await app.StartAsync(cancel);
        var live = app.Services.GetRequiredService<PredictionService>().Live!;
        var addresses = Addresses(app);
        var log = app.Services.GetRequiredService<PredictionLog>().Store.Description;
        ServingLog.Started(app.Logger, live.Name, live.VersionText, live.Variant, addresses.Rest, addresses.Grpc, log);
        await app.WaitForShutdownAsync(cancel);
        await app.StopAsync(CancellationToken.None);
    }

    /// <summary>The bound REST and gRPC addresses of a started host.</summary>
    public static ServingAddresses Addresses(WebApplication app) => app.Services.GetRequiredService<ServingEndpoints>().Addresses;
}
