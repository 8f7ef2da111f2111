using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Serving.Logging;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Rest;

/// <summary>
/// <c>POST /v1/feedback</c> with <c>{"request_id": ..., "label": ...}</c> or an array of them: stores ground truth
/// for logged predictions; any unknown id rejects the whole request (404) and nothing is stored.
/// </summary>
internal static class FeedbackEndpoints
{
    /// <summary>Maps the feedback route.</summary>
    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/feedback", StoreAsync).AddEndpointFilter(RejectionFilter.InvokeAsync);
        return app;
    }

    private static async Task<IResult> StoreAsync(HttpContext context, PredictionLog log, ServingOptions options, TimeProvider clock)
    {
        using var body = await JsonBody.ReadAsync(context.Request, options.MaxRequestBodyBytes);
        var root = body.RootElement;
        var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
        var feedback = items.Select((item, i) => Parse(item, root.ValueKind == JsonValueKind.Array ? $"body[{i}]" : "body")).ToList();
        if (feedback.Count == 0)
        {
            throw RequestRejectedException.Invalid("body: at least one feedback item is required.");
        }

        var unknown = await log.Store.UnknownAsync(feedback.Select(f => f.RequestId).ToList(), context.RequestAborted);
        if (unknown.Count > 0)
        {
            throw new RequestRejectedException(Rejection.NotFound, $"No logged prediction has request_id '{string.Join("', '", unknown)}'; nothing was stored. (A prediction reaches the log within moments of its answer.)");
        }

        await log.Store.InsertFeedbackAsync(feedback, clock.GetUtcNow(), context.RequestAborted);
        return JsonAnswer.Json(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("stored", feedback.Count);
            json.WriteEndObject();
        });
    }

    private static (string RequestId, string Label) Parse(JsonElement item, string where)
    {
        var id = JsonBody.Required(item, "request_id", JsonValueKind.String, where).GetString()!;
        if (!item.TryGetProperty("label", out var label) || label.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.Object or JsonValueKind.Array)
        {
            throw RequestRejectedException.Invalid($"{where}: 'label' must be a string, number or boolean.");
        }

        return (id, label.ValueKind == JsonValueKind.String ? label.GetString()! : label.GetRawText());
    }
}
