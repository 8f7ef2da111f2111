using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Serving.Grpc;

/// <summary>Registers and maps the OIP v2 gRPC service.</summary>
internal static class GrpcSetup
{
    /// <summary>Adds gRPC with the host's message size limit.</summary>
    public static IServiceCollection AddInferenceGrpc(this IServiceCollection services, ServingOptions options)
    {
        services.AddGrpc(g =>
        {
            g.MaxReceiveMessageSize = (int)Math.Min(int.MaxValue, options.MaxRequestBodyBytes);
            g.EnableDetailedErrors = false;
        });
        return services;
    }

    /// <summary>Maps <c>inference.GRPCInferenceService</c>.</summary>
    public static IEndpointRouteBuilder MapInferenceGrpc(this IEndpointRouteBuilder app)
    {
        app.MapGrpcService<InferenceGrpcService>();
        return app;
    }
}
