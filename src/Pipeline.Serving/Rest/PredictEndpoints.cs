using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Serving.Logging;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Rest;

/// <summary>
/// The plain JSON API: <c>POST /v1/models/{name}:predict</c> with <c>{"instances": [{"amount": 12.5, ...}]}</c>,
/// answering <c>{"predictions": [...], "model_name", "model_version", "variant", "request_id"}</c>. A multiclass
/// prediction (e.g. an intent) gives its class, probability, the next three classes as <c>alternatives</c> and
/// <c>fallback</c> (true below <see cref="ServingOptions.FallbackBelow"/>).
/// </summary>
internal static class PredictEndpoints
{
    /// <summary>Maps the v1 predict route.</summary>
    public static IEndpointRouteBuilder MapPredictV1(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/models/{name}:predict", PredictAsync).AddEndpointFilter(RejectionFilter.InvokeAsync);
        return app;
    }

    private static async Task<IResult> PredictAsync(string name, HttpContext context, PredictionService service, ServingOptions options)
    {
        var model = service.Resolve(name);
        using var body = await JsonBody.ReadAsync(context.Request, options.MaxRequestBodyBytes);
        var instances = JsonBody.Required(body.RootElement, "instances", JsonValueKind.Array, "body");
        var rows = FeatureRows.FromObjects(model.Features, instances.EnumerateArray().ToList(), "instances");
        if (rows.Length == 0)
        {
            throw RequestRejectedException.Invalid("instances: at least one instance is required.");
        }

        var result = await service.PredictAsync(model, rows, context.Request.Headers["x-request-id"].FirstOrDefault(), h => context.Request.Headers[h].FirstOrDefault(), context.RequestAborted);
        model = result.Model;
        JsonAnswer.ServedBy(context, model);
        return JsonAnswer.Json(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("predictions");
            for (var i = 0; i < result.Predictions.Length; i++)
            {
                PredictionJson.WriteOutput(json, result.Predictions[i], model.Classes, result.RowIds[i], options.FallbackBelow);
            }

            json.WriteEndArray();
            json.WriteString("model_name", model.Name);
            json.WriteString("model_version", model.Version.ToString());
            json.WriteString("variant", model.Variant);
            json.WriteString("request_id", result.RequestId);
            json.WriteEndObject();
        });
    }
}
