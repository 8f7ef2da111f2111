using Microsoft.AspNetCore.Builder;

namespace Pipeline.Ui.Tests.Fixture;

/// <summary>A real UI host (Kestrel) on a free loopback port over a <see cref="UiRepository"/>, with an HttpClient.</summary>
internal sealed class RunningUi : IAsyncDisposable
{
    private readonly WebApplication app;

    private RunningUi(WebApplication app)
    {
        this.app = app;
        Address = UiHost.Address(app);
        Http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public static async Task<RunningUi> StartAsync(UiRepository repository, string? token = "s3cret-token", Func<UiOptions, UiOptions>? configure = null)
    {
        var options = new UiOptions { RootDirectory = repository.Root, Port = 0, AdminToken = token };
        var app = UiHost.Build(configure?.Invoke(options) ?? options, FixedClock.Default);
        await app.StartAsync();
        return new RunningUi(app);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
