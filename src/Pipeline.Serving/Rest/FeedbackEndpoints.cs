using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Serving.Logging;
using Pipeline.Serving.Metrics;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Rest;

/// <summary>
/// <c>POST /v1/feedback</c> (<c>Content-Type: application/json</c>, else 415) with <c>{"request_id": ..., "label": ...}</c>
/// or an array of them: stores ground truth for logged predictions. The whole request is refused, and nothing stored,
/// when a label is not one of the served model's labels (400), an id has no logged prediction (404) or already has a
/// label (409: the first label is kept; labels are not revised through the API). Each stored label carries the trace
/// id of the prediction it labels, and the call's <c>feedback</c> span links to those traces. For a recommender the
/// items carry <c>"item"</c> too, <c>{"request_id": ..., "item": "i7", "label": 1}</c>: a click (1) or rating on one
/// of the items that recommendation returned (400 for an item it did not return); the first label of each (request,
/// item) is kept (409). A body is all item feedback or none.
/// </summary>
internal static class FeedbackEndpoints
{
    /// <summary>Maps the feedback route.</summary>
    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/feedback", StoreAsync).AddEndpointFilter(RejectionFilter.InvokeAsync);
        return app;
    }

    private static async Task<IResult> StoreAsync(HttpContext context, PredictionLog log, PredictionService service, ServingOptions options, TimeProvider clock)
    {
        JsonBody.RequireJsonContentType(context.Request);
        var model = service.Resolve(service.ModelName);
        using var body = await JsonBody.ReadAsync(context.Request, options.MaxRequestBodyBytes);
        var root = body.RootElement;
        var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
        if (items.Any(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("item", out _)))
        {
            return await ItemFeedbackEndpoint.StoreAsync(items, root.ValueKind == JsonValueKind.Array, model, log, clock, context.RequestAborted);
        }

        var feedback = items.Select((item, i) => Parse(item, root.ValueKind == JsonValueKind.Array ? $"body[{i}]" : "body", model.Labels)).ToList();
        if (feedback.Count == 0)
        {
            throw RequestRejectedException.Invalid("body: at least one feedback item is required.");
        }

        using var span = ServingTelemetry.Source.StartActivity("feedback");
        var traces = await log.Store.TracesAsync(feedback.Select(f => f.RequestId).ToList(), context.RequestAborted);
        var unknown = feedback.Select(f => f.RequestId).Where(id => !traces.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new RequestRejectedException(Rejection.NotFound, $"No logged prediction has request_id '{string.Join("', '", unknown)}'; nothing was stored. (A prediction reaches the log within moments of its answer.)");
        }

        LinkTraces(span, traces.Values);
        var labelled = await log.Store.InsertFeedbackAsync(feedback, traces, clock.GetUtcNow(), context.RequestAborted);
        if (labelled.Count > 0)
        {
            throw new RequestRejectedException(Rejection.Conflict, $"request_id '{string.Join("', '", labelled)}' already has a label; the first label is kept and nothing was stored.");
        }

        return JsonAnswer.Json(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("stored", feedback.Count);
            json.WriteEndObject();
        });
    }

    /// <summary>Links the <c>feedback</c> span to the traces of the predictions it labels.</summary>
    public static void LinkTraces(Activity? span, IEnumerable<string> traceIds)
    {
        if (span is null)
        {
            return;
        }

        foreach (var traceId in traceIds.Where(t => t.Length == 32).Distinct(StringComparer.Ordinal))
        {
            // NOTE: the prediction's own span id is not logged; a link to its trace is what a trace viewer follows.
            span.AddLink(new ActivityLink(new ActivityContext(ActivityTraceId.CreateFromString(traceId), default, ActivityTraceFlags.None)));
        }
    }

    private static (string RequestId, string Label) Parse(JsonElement item, string where, LabelSpace labels)
    {
        var id = JsonText.String(JsonBody.Required(item, "request_id", JsonValueKind.String, where), $"{where}.request_id");
        if (!item.TryGetProperty("label", out var label))
        {
            throw RequestRejectedException.Invalid($"{where}: 'label' is required.");
        }

        return (id, labels.Parse(label, $"{where}.label"));
    }
}
