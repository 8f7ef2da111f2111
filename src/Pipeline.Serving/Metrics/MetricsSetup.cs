using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Pipeline.Serving.Models;
using Pipeline.Serving.Rest;

namespace Pipeline.Serving.Metrics;

/// <summary>
/// The host's telemetry through OpenTelemetry: the <c>Pipeline.Serving</c> meter scraped at <c>GET /metrics</c>
/// (Prometheus text format), spans of the <c>Pipeline.Serving</c> source and of ASP.NET Core (W3C
/// <c>traceparent</c> honoured), and both sent over OTLP when an endpoint is configured.
/// </summary>
internal static class MetricsSetup
{
    /// <summary>The standard variable that, when set, turns on the OTLP exporter (read by OpenTelemetry itself).</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Adds the meter, the instruments and OpenTelemetry's metrics and tracing providers.</summary>
    public static IServiceCollection AddServingMetrics(this IServiceCollection services, ServingOptions options)
    {
        var meter = new ServingMeter();
        services.AddSingleton(_ => meter).AddSingleton<ServingMetrics>();
        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter(ServingTelemetry.Name)
                .AddView(instrument => meter.IsForeign(instrument) ? MetricStreamConfiguration.Drop : null)
                .AddPrometheusExporter(prometheus =>
                {
                    // NOTE: every scrape reads fresh values (the default caches a scrape for 300 ms), and the lines
                    // carry no otel_scope_* labels nor a target_info series: the exposition stays what Monitor reads.
                    prometheus.ScrapeResponseCacheDurationMilliseconds = 0;
                    prometheus.ScopeInfoEnabled = false;
                    prometheus.TargetInfoEnabled = false;
                }))
            .WithTracing(tracing => tracing
                .AddSource(ServingTelemetry.Name)
                .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = context => context.Request.Path != "/metrics"));
        if (options.OtlpEndpoint is { } endpoint)
        {
            telemetry.UseOtlpExporter(OtlpExportProtocol.Grpc, endpoint);
        }
        else if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(OtlpEndpointVariable)))
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    /// <summary>Counts and times every request by route template, status (gRPC status for gRPC calls) and variant.</summary>
    public static IApplicationBuilder UseServingMetrics(this IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<ServingMetrics>();
        return app.Use(async (context, next) =>
        {
            var start = Stopwatch.GetTimestamp();
            metrics.Started();
            var status = "500";
            try
            {
                await next(context);
                var grpc = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers["grpc-status"].FirstOrDefault();
                status = grpc is null ? context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "grpc_" + grpc;
            }
            finally
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
                var model = context.Items[JsonAnswer.ServedByKey] as ServedModel;
                metrics.Finished(route, status, model?.Version.ToString() ?? "", model?.Variant ?? "", Stopwatch.GetElapsedTime(start).TotalSeconds);
            }
        });
    }

    /// <summary>Maps <c>GET /metrics</c> (OpenTelemetry's Prometheus exporter).</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint();
        return app;
    }
}
