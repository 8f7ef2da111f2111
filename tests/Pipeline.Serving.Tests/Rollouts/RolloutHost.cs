using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Serving.Admin;
using Pipeline.Serving.Logging;
using Pipeline.Serving.Rollouts;

namespace Pipeline.Serving.Tests.Rollouts;

/// <summary>A <see cref="RegistryCopyHost"/> with an admin token, a manual clock, and helpers to predict and administer.</summary>
internal sealed class RolloutHost : IAsyncDisposable
{
    public const string Token = "test-admin-token";

    private readonly RegistryCopyHost host;

    private RolloutHost(RegistryCopyHost host, ManualClock clock)
    {
        (this.host, Clock) = (host, clock);
        Http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
        Admin = new AdminClient(Http, Token);
    }

    public WebApplication App => host.App;

    public ServingOptions Options => host.Options;

    public ManualClock Clock { get; }

    public HttpClient Http { get; }

    public AdminClient Admin { get; }

    public RolloutController Controller => App.Services.GetRequiredService<RolloutController>();

    public PredictionLog Log => App.Services.GetRequiredService<PredictionLog>();

    public static async Task<RolloutHost> StartAsync(ServingFixture fixture)
    {
        var clock = new ManualClock();
        return new RolloutHost(await RegistryCopyHost.StartAsync(fixture, Token, clock), clock);
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
        await host.DisposeAsync();
    }

    /// <summary>What answered one prediction.</summary>
    public sealed record Answer(string Version, string Variant, float Probability, bool Label, string RequestId);
}
