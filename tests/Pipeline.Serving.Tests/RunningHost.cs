using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Pipeline.Serving.Grpc.Inference;

namespace Pipeline.Serving.Tests;

/// <summary>A real host on 127.0.0.1 with dynamic ports, its own prediction log, an HttpClient and a gRPC client.</summary>
internal sealed class RunningHost : IAsyncDisposable
{
    private RunningHost(WebApplication app, ServingOptions options)
    {
        App = app;
        Options = options;
        var addresses = ServingHost.Addresses(app);
        Http = new HttpClient { BaseAddress = addresses.Rest, Timeout = TimeSpan.FromSeconds(30) };
        Channel = GrpcChannel.ForAddress(addresses.Grpc);
        Grpc = new GRPCInferenceService.GRPCInferenceServiceClient(Channel);
    }

    public WebApplication App { get; }

    public ServingOptions Options { get; }

    public HttpClient Http { get; }

    public GrpcChannel Channel { get; }

    public GRPCInferenceService.GRPCInferenceServiceClient Grpc { get; }

    public string LogPath => Options.PredictionLogFullPath;

    public static async Task<RunningHost> StartAsync(ServingFixture fixture, Func<ServingOptions, ServingOptions>? configure = null)
    {
        var options = new ServingOptions
        {
            RootDirectory = fixture.Root,
            Port = 0,
            GrpcPort = 0,
            MaxRequestBodyBytes = 64 * 1024,
            PredictionLogPath = $"data/serving/{Guid.NewGuid():N}.db",
        };
        options = configure?.Invoke(options) ?? options;
        var app = ServingHost.Build(options);
        await app.StartAsync();
        return new RunningHost(app, options);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
