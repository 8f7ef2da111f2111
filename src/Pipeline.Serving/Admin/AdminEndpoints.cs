using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Serving.Logging;
using Pipeline.Serving.Models;
using Pipeline.Serving.Rest;
using Pipeline.Serving.Rollouts;

namespace Pipeline.Serving.Admin;

/// <summary>
/// The token-protected admin API: <c>GET/POST /admin/rollout</c>, <c>POST /admin/rollout/promote</c>,
/// <c>POST /admin/rollback</c> and <c>GET /admin/abtest</c>; each answers with JSON (the state after the change).
/// </summary>
internal static class AdminEndpoints
{
    private static readonly JsonSerializerOptions Json = new() { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Maps the admin routes.</summary>
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").AddEndpointFilter(AdminAuth.InvokeAsync).AddEndpointFilter(RejectionFilter.InvokeAsync);
        admin.MapGet("/rollout", (RolloutController c) => State(c, c.State));
        admin.MapPost("/rollout", StartAsync);
        admin.MapPost("/rollout/promote", (RolloutController c) => State(c, c.Promote()));
        admin.MapPost("/rollback", (RolloutController c) => State(c, c.Rollback()));
        admin.MapGet("/abtest", AbTestAsync);
        return app;
    }

    /// <summary>Adds nothing beyond the rollouts; here so the host composes admin like every other feature.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services) => services.AddRollouts();

    private static async Task<IResult> StartAsync(HttpContext context, RolloutController controller, ServingOptions options)
    {
        JsonBody.RequireJsonContentType(context.Request);
        using var body = await JsonBody.ReadAsync(context.Request, options.MaxRequestBodyBytes);
        RolloutRequest? request;
        try
        {
            request = body.RootElement.Deserialize<RolloutRequest>(Json);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw RequestRejectedException.Invalid($"body: not a rollout request ({e.Message}). Expected {{\"strategy\": \"canary\", \"version\": \"v0.0.2\", ...}}.");
        }

        var state = controller.Start(request ?? throw RequestRejectedException.Invalid("body: expected a rollout request object."));
        return State(controller, state);
    }

    private static async Task<IResult> AbTestAsync(RolloutController controller, PredictionLog log, CancellationToken cancel)
    {
        var s = controller.State;
        if (s.Plan is not { Strategy: RolloutStrategy.AbTest } plan)
        {
            throw new RequestRejectedException(Rejection.NotFound, "No A/B test has been started; start one with POST /admin/rollout {\"strategy\": \"ab-test\", ...}.");
        }

        await log.FlushAsync(cancel);
        var report = await AbTestAnalysis.RunAsync(log.Store, plan, s.Since, cancel);
        return JsonAnswer.Json(json => RolloutJson.AbTest(json, report, s));
    }

    private static IResult State(RolloutController controller, RolloutState state) =>
        JsonAnswer.Json(json => RolloutJson.State(json, state, controller.Live, controller.Router));
}
