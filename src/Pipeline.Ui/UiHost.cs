using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Ui.Models;

namespace Pipeline.Ui;

/// <summary>
/// The web UI (<c>./build.sh Ui</c>): server-rendered pages over the repository's files (dvc.yaml, dvc.lock,
/// run.json, the experiments, the registry, the monitoring report), read-only unless started with an admin token.
/// </summary>
public static class UiHost
{
    /// <summary>Validates the options and composes the host (not started).</summary>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public static WebApplication Build(UiOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0) throw new OptionsValidationException(nameof(UiOptions), typeof(UiOptions), problems);

        // NOTE: no config reload: the content root is the repository, and watching it would wake on every pipeline write.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = options.RootDirectory, Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 64 * 1024;
            kestrel.Listen(IPAddress.Parse(options.BindAddress), options.Port, l => l.Protocols = HttpProtocols.Http1);
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(options).AddSingleton(clock ?? TimeProvider.System).AddSingleton<ModelActions>();
        builder.Services.AddHttpClient(nameof(ModelActions), c => c.Timeout = TimeSpan.FromSeconds(30));

        var app = builder.Build();
        app.Use(UiEndpoints.SecurityHeaders);
        app.MapUi();
        return app;
    }

    /// <summary>Builds and runs the UI until SIGINT/SIGTERM (or <paramref name="cancel"/>).</summary>
    public static async Task RunAsync(UiOptions options, TimeProvider? clock = null, CancellationToken cancel = default)
    {
        await using var app = Build(options, clock);
        await app.StartAsync(cancel);
        var address = Address(app);
        var mode = string.IsNullOrEmpty(options.AdminToken) ? "read-only" : "actions need the admin token";
        UiLog.Started(app.Logger, address, mode);
        await app.WaitForShutdownAsync(cancel);
        await app.StopAsync(CancellationToken.None);
    }

    /// <summary>The bound address of a started host (the real port when 0 was asked for).</summary>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The UI host has not been started.");
        return new Uri(address);
    }
}
