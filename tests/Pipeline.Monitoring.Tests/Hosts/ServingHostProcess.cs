using Microsoft.AspNetCore.Builder;
using Pipeline.Serving;
using Pipeline.Serving.Tests;

namespace Pipeline.Monitoring.Tests.Hosts;

/// <summary>A real serving host on 127.0.0.1 with a dynamic port and its own prediction log, plus an HttpClient to send traffic.</summary>
internal sealed class ServingHostProcess : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServingHostProcess(WebApplication app)
    {
        _app = app;
        Address = ServingHost.Addresses(app).Rest.ToString().TrimEnd('/');
        Http = new HttpClient { BaseAddress = ServingHost.Addresses(app).Rest, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The REST address without a trailing slash, as params.yaml deploy.host would hold it.</summary>
    public string Address { get; }

    /// <summary>A client for the REST API.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts a host serving the fixture's production model.</summary>
    public static async Task<ServingHostProcess> StartAsync(ServingFixture fixture)
    {
        var options = new ServingOptions
        {
            RootDirectory = fixture.Root,
            Port = 0,
            GrpcPort = 0,
            PredictionLogPath = $"data/serving/{Guid.NewGuid():N}.db",
        };
        var app = ServingHost.Build(options);
        await app.StartAsync();
        return new ServingHostProcess(app);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
