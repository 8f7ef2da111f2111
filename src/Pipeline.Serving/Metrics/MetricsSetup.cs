using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Serving.Logging;
using Pipeline.Serving.Models;
using Pipeline.Serving.Rest;

namespace Pipeline.Serving.Metrics;

/// <summary>Request metrics middleware and the <c>GET /metrics</c> endpoint (Prometheus text format).</summary>
internal static class MetricsSetup
{
    /// <summary>Adds the metrics store.</summary>
    public static IServiceCollection AddServingMetrics(this IServiceCollection services) => services.AddSingleton<ServingMetrics>();

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

    /// <summary>Maps <c>GET /metrics</c>.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", (ServingMetrics metrics, PredictionLog log) => Results.Text(PrometheusText.Render(metrics, log), PrometheusText.ContentType));
        return app;
    }
}
