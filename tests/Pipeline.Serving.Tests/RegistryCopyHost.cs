using Microsoft.AspNetCore.Builder;

namespace Pipeline.Serving.Tests;

/// <summary>
/// A real serving host (Kestrel on free loopback ports) over its own copy of <see cref="ServingFixture"/>'s registry,
/// because a rollout's end moves the production pointer, with an admin token and its own prediction log. Shared as
/// source with the UI tests, whose pages talk to a host as a deployment's UI does.
/// </summary>
internal sealed class RegistryCopyHost : IAsyncDisposable
{
    private RegistryCopyHost(WebApplication app, ServingOptions options)
    {
        (App, Options) = (app, options);
        Address = ServingHost.Addresses(app).Rest;
    }

    public WebApplication App { get; }

    public ServingOptions Options { get; }

    /// <summary>The REST (and admin) address.</summary>
    public Uri Address { get; }

    /// <summary>Starts a host whose admin API takes <paramref name="adminToken"/>, on <paramref name="clock"/> when given.</summary>
    public static async Task<RegistryCopyHost> StartAsync(ServingFixture fixture, string adminToken, TimeProvider? clock = null)
    {
        var registry = Directory.CreateTempSubdirectory("serving-registry-").FullName;
        foreach (var file in Directory.EnumerateFiles(fixture.RegistryRoot, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(registry, Path.GetRelativePath(fixture.RegistryRoot, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var options = new ServingOptions
        {
            RootDirectory = fixture.Root,
            RegistryRoot = registry,
            Port = 0,
            GrpcPort = 0,
            AdminToken = adminToken,
            PredictionLogPath = $"data/serving/{Guid.NewGuid():N}.db",
        };
        var app = ServingHost.Build(options, clock);
        await app.StartAsync();
        return new RegistryCopyHost(app, options);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(Options.RegistryRoot, recursive: true);
    }
}
