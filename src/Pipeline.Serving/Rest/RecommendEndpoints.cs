using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Serving.Logging;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Rest;

/// <summary>
/// Top-N for a recommender: <c>POST /v1/models/{name}:recommend</c> with <c>{"user_id": 42, "k": 10, "exclude": ["i7"],
/// "filter": {"genre": ["drama", "comedy"], "year": 1999}}</c> (k default 10, at most <see cref="MaxK"/>; user_id a
/// string or an integer; filter on the model's item side columns, a value or a list of values each, all columns must
/// match), answering <c>{"items": [{"item", "score"}…],
/// "cold_start", "model_name", "model_version", "request_id"}</c>: the best items the user did not interact with in
/// training, or for an unknown user the most popular ones with <c>"cold_start": true</c>. Each answer is logged.
/// </summary>
internal static class RecommendEndpoints
{
    public const int MaxK = 1000;

    public static IEndpointRouteBuilder MapRecommendV1(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/models/{name}:recommend", RecommendAsync).AddEndpointFilter(RejectionFilter.InvokeAsync);
        return app;
    }

    private static async Task<IResult> RecommendAsync(string name, HttpContext context, PredictionService service, ServingOptions options)
    {
        var model = service.Resolve(name);
        using var body = await JsonBody.ReadAsync(context.Request, options.MaxRequestBodyBytes);
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw RequestRejectedException.Invalid("body: must be a JSON object with user_id (and optionally k, exclude).");
        var user = root.TryGetProperty("user_id", out var u) ? User(u) : throw RequestRejectedException.Invalid("user_id: required (the user to recommend for, a string or an integer).");
        var k = 10;
        if (root.TryGetProperty("k", out var kv) && !(kv.ValueKind == JsonValueKind.Number && kv.TryGetInt32(out k) && k is >= 1 and <= MaxK))
            throw RequestRejectedException.Invalid($"k: must be an integer from 1 to {MaxK}, not {kv.GetRawText()}.");
        var exclude = root.TryGetProperty("exclude", out var ex) ? Exclude(ex) : [];
        var filter = root.TryGetProperty("filter", out var f) ? Filter(f) : null;
        var answer = await service.RecommendAsync(model, new RecommendRequest(user, k, exclude, filter), context.Request.Headers["x-request-id"].FirstOrDefault(), context.RequestAborted);
        JsonAnswer.ServedBy(context, answer.Model);
        return JsonAnswer.Json(json =>
        {
            json.WriteStartObject();
            PredictionJson.WriteRecommendationFields(json, answer.Items, answer.ColdStart);
            json.WriteString("model_name", answer.Model.Name);
            json.WriteString("model_version", answer.Model.Version.ToString());
            json.WriteString("request_id", answer.RequestId);
            json.WriteEndObject();
        });
    }

    private static string User(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => JsonText.String(value, "user_id"),
        JsonValueKind.Number when value.TryGetInt64(out var n) => n.ToString(CultureInfo.InvariantCulture),
        _ => throw RequestRejectedException.Invalid($"user_id: must be a string or an integer, not {value.GetRawText()}."),
    };

    private static List<string> Exclude(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? [.. value.EnumerateArray().Select((e, i) => Text(e, $"exclude[{i}]", "an item id"))]
        : throw RequestRejectedException.Invalid("exclude: must be an array of item ids.");

    private static Dictionary<string, IReadOnlyCollection<string>> Filter(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object) throw RequestRejectedException.Invalid("filter: must be an object of item column → value or list of values, e.g. {\"genre\": [\"drama\", \"comedy\"]}.");
        var filter = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
        foreach (var column in value.EnumerateObject())
        {
            var where = $"filter.{column.Name}";
            filter[column.Name] = column.Value.ValueKind == JsonValueKind.Array
                ? column.Value.EnumerateArray().Select((e, i) => Text(e, $"{where}[{i}]", "a value")).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>([Text(column.Value, where, "a value or a list of values")], StringComparer.Ordinal);
        }

        return filter;
    }

    /// <summary>A string, or a number as its invariant text (ids and column values compare as text).</summary>
    private static string Text(JsonElement e, string where, string what) => e.ValueKind switch
    {
        JsonValueKind.String => JsonText.String(e, where),
        JsonValueKind.Number when e.TryGetInt64(out var n) => n.ToString(CultureInfo.InvariantCulture),
        JsonValueKind.Number => e.GetRawText(),
        _ => throw RequestRejectedException.Invalid($"{where}: must be {what} (string or number)."),
    };
}
