using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pipeline.Serving.Logging;
using Pipeline.Serving.Metrics;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Rest;

/// <summary>
/// The recommendation half of <c>POST /v1/feedback</c>: clicks and ratings on the items a logged recommendation
/// returned, <c>{"request_id": ..., "item": ..., "label": 1}</c>, stored in <c>item_feedback</c> all or nothing.
/// </summary>
internal static class ItemFeedbackEndpoint
{
    /// <summary>Validates and stores <paramref name="items"/> (the body's objects); any bad item refuses the whole body.</summary>
    public static async Task<IResult> StoreAsync(IReadOnlyList<JsonElement> items, bool array, ServedModel model, PredictionLog log, TimeProvider clock, CancellationToken cancel)
    {
        if (model.Recommender is null)
        {
            throw RequestRejectedException.Invalid($"item: feedback on items is for recommendations; {model.Name} {model.Version} is a {model.Task.ToString().ToLowerInvariant()} model: send {{\"request_id\", \"label\"}}.");
        }

        var feedback = items.Select((item, i) => Parse(item, array ? $"body[{i}]" : "body", model.Labels)).ToList();
        using var span = ServingTelemetry.Source.StartActivity("feedback");
        var outputs = await log.Store.OutputsAsync(feedback.Select(f => f.RequestId).ToList(), cancel);
        var unknown = feedback.Select(f => f.RequestId).Where(id => !outputs.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new RequestRejectedException(Rejection.NotFound, $"No logged recommendation has request_id '{string.Join("', '", unknown)}'; nothing was stored. (A recommendation reaches the log within moments of its answer.)");
        }

        var returned = outputs.ToDictionary(p => p.Key, p => ReturnedItems(p.Value.Output), StringComparer.Ordinal);
        for (var i = 0; i < feedback.Count; i++)
        {
            var f = feedback[i];
            if (!returned[f.RequestId].Contains(f.Item))
            {
                var shown = returned[f.RequestId];
                throw RequestRejectedException.Invalid($"{(array ? $"body[{i}]" : "body")}.item: '{f.Item}' is not one of the {shown.Count} items recommendation '{f.RequestId}' returned" +
                    (shown.Count == 0 ? " (it returned none, or is not a recommendation)" : $" ({string.Join(", ", shown.Take(10))}{(shown.Count > 10 ? ", …" : "")})") + "; nothing was stored.");
            }
        }

        var traces = outputs.ToDictionary(p => p.Key, p => p.Value.Trace, StringComparer.Ordinal);
        FeedbackEndpoints.LinkTraces(span, traces.Values);
        var labelled = await log.Store.InsertItemFeedbackAsync(feedback, traces, clock.GetUtcNow(), cancel);
        if (labelled.Count > 0)
        {
            throw new RequestRejectedException(Rejection.Conflict, $"request_id/item '{string.Join("', '", labelled)}' already has a label; the first label is kept and nothing was stored.");
        }

        return JsonAnswer.Json(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("stored", feedback.Count);
            json.WriteEndObject();
        });
    }

    private static ItemFeedback Parse(JsonElement item, string where, LabelSpace labels)
    {
        var id = JsonText.String(JsonBody.Required(item, "request_id", JsonValueKind.String, where), $"{where}.request_id");
        var name = item.TryGetProperty("item", out var i) && i.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? (i.ValueKind == JsonValueKind.String ? JsonText.String(i, $"{where}.item") : i.GetRawText())
            : throw RequestRejectedException.Invalid($"{where}: 'item' is required in every item of a body that has one (the recommended item the label is for, a string or a number).");
        if (!item.TryGetProperty("label", out var label))
        {
            throw RequestRejectedException.Invalid($"{where}: 'label' is required (1 for a click, or the rating).");
        }

        return new ItemFeedback(id, name, labels.Parse(label, $"{where}.label"));
    }

    /// <summary>The item ids a logged recommendation output lists (<c>{"items": [{"item": …}…]}</c>), in rank order.</summary>
    private static List<string> ReturnedItems(string output)
    {
        using var document = JsonDocument.Parse(output);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? [.. items.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("item", out var x) && x.ValueKind == JsonValueKind.String).Select(e => e.GetProperty("item").GetString()!)]
            : [];
    }
}
