using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Serving.Admin;
using Pipeline.Serving.Logging;
using Pipeline.Serving.Rollouts;

namespace Pipeline.Serving.Tests.Rollouts;

/// <summary>A real host on 127.0.0.1 (port 0) with an admin token, a manual clock, and helpers to predict and administer.</summary>
internal sealed class RolloutHost : IAsyncDisposable
{
    public const string Token = "test-admin-token";

    private RolloutHost(WebApplication app, ServingOptions options, ManualClock clock)
    {
        (App, Options, Clock) = (app, options, clock);
        Http = new HttpClient { BaseAddress = ServingHost.Addresses(app).Rest, Timeout = TimeSpan.FromSeconds(30) };
        Admin = new AdminClient(Http, Token);
    }

    public WebApplication App { get; }

    public ServingOptions Options { get; }

    public ManualClock Clock { get; }

    public HttpClient Http { get; }

    public AdminClient Admin { get; }

    public RolloutController Controller => App.Services.GetRequiredService<RolloutController>();

    public PredictionLog Log => App.Services.GetRequiredService<PredictionLog>();

    // NOTE: a copy of the fixture's registry per host, because a rollout's end moves the production pointer.
    public static async Task<RolloutHost> StartAsync(ServingFixture fixture)
    {
        var registry = Directory.CreateTempSubdirectory("serving-registry-").FullName;
        CopyDirectory(fixture.RegistryRoot, registry);
        var options = new ServingOptions
        {
            RootDirectory = fixture.Root,
            RegistryRoot = registry,
            Port = 0,
            GrpcPort = 0,
            AdminToken = Token,
            PredictionLogPath = $"data/serving/{Guid.NewGuid():N}.db",
        };
        var clock = new ManualClock();
        var app = ServingHost.Build(options, clock);
        await app.StartAsync();
        return new RolloutHost(app, options, clock);
    }

    /// <summary>One v1 prediction; returns the answering version, variant, probability and request id.</summary>
    public async Task<Answer> PredictAsync(int row, string? customer = null, string? requestId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/models/fraud-detector:predict")
        {
            Content = JsonContent.Create(new { instances = new[] { new { amount = (row * 37 % 200) + 0.5, hour = row % 24, country = new[] { "de", "fr", "us" }[row % 3] } } }),
        };
        if (customer is not null)
        {
            request.Headers.Add("customer-id", customer);
        }

        if (requestId is not null)
        {
            request.Headers.Add("x-request-id", requestId);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        var prediction = root.GetProperty("predictions")[0];
        return new Answer(root.GetProperty("model_version").GetString()!, root.GetProperty("variant").GetString()!, prediction.GetProperty("probability").GetSingle(), prediction.GetProperty("label").GetBoolean(), root.GetProperty("request_id").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(Options.RegistryPath, recursive: true);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>What answered one prediction.</summary>
    public sealed record Answer(string Version, string Variant, float Probability, bool Label, string RequestId);
}
