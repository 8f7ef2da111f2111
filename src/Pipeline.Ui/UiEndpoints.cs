using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Engine.Primitives;
using Pipeline.Ml.Gate;
using Pipeline.Ui.Compare;
using Pipeline.Ui.Experiments;
using Pipeline.Ui.Html;
using Pipeline.Ui.Models;
using Pipeline.Ui.Monitoring;
using Pipeline.Ui.Pipeline;
using Pipeline.Ui.Security;

namespace Pipeline.Ui;

/// <summary>The UI's routes: four pages, the plan, the three model actions, files under reports/, and the style sheet.</summary>
internal static class UiEndpoints
{
    private const string HtmlType = "text/html; charset=utf-8";

    public static void MapUi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (UiOptions o) => Page(PipelinePage.Render(o.RootDirectory)));
        app.MapGet("/plan", async (UiOptions o, CancellationToken cancel) => Page(await PlanPage.RenderAsync(o, cancel)));
        app.MapGet("/experiments", (UiOptions o, string? sort, string? dir) => Page(ExperimentsPage.Render(o.RootDirectory, sort, dir)));
        app.MapGet("/compare", (UiOptions o, string[]? run) => Page(ComparePage.Render(o.RootDirectory, run ?? [])));
        app.MapGet("/models", async (HttpContext context, UiOptions o, TimeProvider clock) => Page(await ModelsHtml(context, o, clock, null)));
        app.MapPost("/models/{model}/promote", PromoteAsync);
        app.MapPost("/models/{model}/rollback", RollbackAsync);
        app.MapPost("/models/{model}/rollout", RolloutAsync);
        app.MapGet("/monitoring", (UiOptions o) => Page(MonitoringPage.Render(o.RootDirectory)));
        app.MapGet("/reports/{**path}", (HttpContext context, UiOptions o, string? path) => ReportFile(context, o.RootDirectory, path ?? ""));
        app.MapGet("/assets/ui.css", () => Results.Stream(typeof(UiEndpoints).Assembly.GetManifestResourceStream("Pipeline.Ui.ui.css")!, "text/css; charset=utf-8"));
    }

    /// <summary>
    /// Headers on every answer: pages load nothing from elsewhere and run no script; only this origin may frame them
    /// (the monitoring report is framed by the Monitoring page) or receive their forms.
    /// </summary>
    public static async Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'self'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        await next();
    }

    private static async Task<IResult> PromoteAsync(HttpContext context, string model, UiOptions options, ModelActions actions, TimeProvider clock)
    {
        if (!ModelCatalog.IsModel(options.RegistryPath, model)) return NotFound($"No model '{model}' in models/registry.");
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        if (await Refused(context, form, options, "Promote") is { } refused) return refused;
        var text = form?["version"].ToString() ?? "";
        if (!ModelVersion.TryParse(text, out var version) || !RegistryFolder.Versions(options.RegistryPath, model).Contains(version))
            return await ModelsAnswer(context, options, clock, Notice.Error($"'{text}' is not a registered version of {model}; nothing was changed."), StatusCodes.Status400BadRequest);
        var outcome = string.Join(" ", await actions.PromoteAsync(model, version, context.RequestAborted));
        var log = Logger(context);
        UiLog.Acted(log, "Promote", model, outcome);
        return await ModelsAnswer(context, options, clock, Notice.Ok(outcome), StatusCodes.Status200OK);
    }

    private static async Task<IResult> RollbackAsync(HttpContext context, string model, UiOptions options, ModelActions actions, TimeProvider clock)
    {
        if (!ModelCatalog.IsModel(options.RegistryPath, model)) return NotFound($"No model '{model}' in models/registry.");
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        if (await Refused(context, form, options, "Rollback") is { } refused) return refused;
        var (lines, succeeded) = await actions.RollbackAsync(context.RequestAborted);
        var outcome = string.Join(" ", lines);
        var log = Logger(context);
        UiLog.Acted(log, "Rollback", model, outcome);
        return await ModelsAnswer(context, options, clock, succeeded ? Notice.Ok(outcome) : Notice.Error(outcome), succeeded ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway);
    }

    private static async Task<IResult> RolloutAsync(HttpContext context, string model, UiOptions options, ModelActions actions, TimeProvider clock)
    {
        if (!ModelCatalog.IsModel(options.RegistryPath, model)) return NotFound($"No model '{model}' in models/registry.");
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        if (await Refused(context, form, options, "Rollout") is { } refused) return refused;
        var (request, problem) = RolloutForm.Read(form, options.RegistryPath, model);
        if (request is null) return await ModelsAnswer(context, options, clock, Notice.Error(problem!), StatusCodes.Status400BadRequest);
        var (lines, succeeded) = await actions.StartRolloutAsync(request, context.RequestAborted);
        var outcome = string.Join(" ", lines);
        var log = Logger(context);
        UiLog.Acted(log, "Rollout", model, outcome);
        return await ModelsAnswer(context, options, clock, succeeded ? Notice.Ok(outcome) : Notice.Error(outcome), succeeded ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway);
    }

    private static async Task<IResult?> Refused(HttpContext context, IFormCollection? form, UiOptions options, string action)
    {
        if (AdminGate.Refusal(context.Request, form, options.AdminToken) is not { } reason) return null;
        var remote = context.Connection.RemoteIpAddress?.ToString();
        var log = Logger(context);
        UiLog.Refused(log, action, remote, reason);
        return await ModelsAnswer(context, options, context.RequestServices.GetRequiredService<TimeProvider>(), Notice.Error($"403 Forbidden: {reason}"), StatusCodes.Status403Forbidden);
    }

    private static ILogger Logger(HttpContext context) => context.RequestServices.GetRequiredService<ILogger<UiOptionsLog>>();

    private static IResult ReportFile(HttpContext context, string root, string path)
    {
        var full = RepoFiles.Resolve(root, "reports", path);
        var type = full is null ? null : Path.GetExtension(full).ToLowerInvariant() switch
        {
            ".html" => HtmlType,
            ".png" => "image/png",
            ".svg" => "image/svg+xml",
            ".json" => "application/json",
            ".txt" or ".csv" => "text/plain; charset=utf-8",
            _ => null,
        };
        if (full is null || type is null) return NotFound($"No report 'reports/{path}'. Reports are files under reports/ (html, png, svg, json, txt, csv).");
        // NOTE: a report is the pipeline's own HTML (inline styles and SVG, no script); sandboxed, it cannot act as the UI.
        context.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'";
        return Results.File(full, type);
    }

    private static async Task<IResult> ModelsAnswer(HttpContext context, UiOptions options, TimeProvider clock, Notice notice, int status) =>
        Results.Content(await ModelsHtml(context, options, clock, notice), HtmlType, null, status);

    private static async Task<string> ModelsHtml(HttpContext context, UiOptions options, TimeProvider clock, Notice? notice)
    {
        var hosts = await HostStatus.ReadAsync(options, context.RequestServices.GetRequiredService<IHttpClientFactory>(), context.RequestAborted);
        return ModelsPage.Render(options, clock, hosts, notice);
    }

    private static IResult NotFound(string text) =>
        Results.Content(Layout.Page("Not found", "", Layout.Missing(text)), HtmlType, null, StatusCodes.Status404NotFound);

    private static IResult Page(string html) => Results.Content(html, HtmlType);

    /// <summary>The category of the UI's own log lines.</summary>
    private sealed class UiOptionsLog;
}
