using Microsoft.AspNetCore.Builder;
using Pipeline.Serving;
using Pipeline.Serving.Tests;

namespace Pipeline.Ui.Tests.Fixture;

/// <summary>
/// A real serving host (Kestrel on a free loopback port) over a copy of <see cref="ServingFixture"/>'s registry, whose
/// admin API takes the UI's test token, as a deployment where the UI and the hosts share one admin token.
/// </summary>
internal sealed class RunningServingHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string registry;

    private RunningServingHost(WebApplication app, string registry)
    {
        (this.app, this.registry) = (app, registry);
        Address = ServingHost.Addresses(app).Rest;
    }

    public Uri Address { get; }

    public static async Task<RunningServingHost> StartAsync(ServingFixture fixture, string token = "s3cret-token")
    {
        // NOTE: a copy of the registry per host, because a completed rollout moves its production pointer.
        var registry = Directory.CreateTempSubdirectory("ui-serving-registry-").FullName;
        foreach (var file in Directory.EnumerateFiles(fixture.RegistryRoot, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(registry, Path.GetRelativePath(fixture.RegistryRoot, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var app = ServingHost.Build(new ServingOptions
        {
            RootDirectory = fixture.Root,
            RegistryRoot = registry,
            Port = 0,
            GrpcPort = 0,
            AdminToken = token,
            PredictionLogPath = $"data/serving/{Guid.NewGuid():N}.db",
        });
        await app.StartAsync();
        return new RunningServingHost(app, registry);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(registry, recursive: true);
    }
}
