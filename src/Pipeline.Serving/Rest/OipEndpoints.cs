using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Serving.Inference;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Rest;

/// <summary>
/// The Open Inference Protocol v2 over REST: health, server and model metadata, model readiness and
/// <c>POST /v2/models/{name}[/versions/{version}]/infer</c>. Answers carry <c>parameters.variant</c>.
/// </summary>
internal static class OipEndpoints
{
    /// <summary>Maps the /v2 routes.</summary>
    public static IEndpointRouteBuilder MapOpenInferenceRest(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/v2").AddEndpointFilter(RejectionFilter.InvokeAsync);
        v2.MapGet("/health/live", () => Results.Ok(new { live = true }));
        v2.MapGet("/health/ready", (PredictionService s) => s.Ready ? Results.Ok(new { ready = true }) : Results.Json(new { ready = false }, statusCode: 503));
        v2.MapGet("/", (PredictionService s) => Results.Ok(new { name = "pipeline-serving", version = "2", extensions = Array.Empty<string>() }));
        v2.MapGet("/models/{name}", (string name, PredictionService s) => Metadata(s.Resolve(name)));
        v2.MapGet("/models/{name}/versions/{version}", (string name, string version, PredictionService s) => Metadata(s.Resolve(name, version)));
        v2.MapGet("/models/{name}/ready", (string name, PredictionService s) => Results.Ok(new { name, ready = s.Resolve(name) is not null }));
        v2.MapGet("/models/{name}/versions/{version}/ready", (string name, string version, PredictionService s) => Results.Ok(new { name, ready = s.Resolve(name, version) is not null }));
        v2.MapPost("/models/{name}/infer", (string name, HttpContext c, PredictionService s, ServingOptions o) => InferAsync(s.Resolve(name), c, s, o));
        v2.MapPost("/models/{name}/versions/{version}/infer", (string name, string version, HttpContext c, PredictionService s, ServingOptions o) => InferAsync(s.Resolve(name, version), c, s, o));
        return app;
    }

    private static IResult Metadata(ServedModel model) => JsonAnswer.Json(json =>
    {
        json.WriteStartObject();
        json.WriteString("name", model.Name);
        json.WriteStartArray("versions");
        json.WriteStringValue(model.Version.ToString());
        json.WriteEndArray();
        json.WriteString("platform", "mlnet");
        json.WriteStartArray("inputs");
        foreach (var c in model.Features.Columns)
        {
            Tensor(json, c.Name, c.Datatype, [-1]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("outputs");
        foreach (var (name, datatype, shape) in TensorTypes.Outputs(model.Task, model.Classes.Count))
        {
            Tensor(json, name, datatype, shape);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static async Task<IResult> InferAsync(ServedModel model, HttpContext context, PredictionService service, ServingOptions options)
    {
        using var body = await JsonBody.ReadAsync(context.Request, options.MaxRequestBodyBytes);
        var id = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? JsonText.String(i, "id") : null;
        if (model.Recommender is not null) return await ScorePairsAsync(model, body.RootElement, id ?? context.Request.Headers["x-request-id"].FirstOrDefault(), context, service);
        var result = await service.PredictAsync(model, OipRequest.Rows(body.RootElement, model.Features), id ?? context.Request.Headers["x-request-id"].FirstOrDefault(), h => context.Request.Headers[h].FirstOrDefault(), context.RequestAborted);
        model = result.Model;
        JsonAnswer.ServedBy(context, model);
        return JsonAnswer.Json(json =>
        {
            json.WriteStartObject();
            json.WriteString("model_name", model.Name);
            json.WriteString("model_version", model.Version.ToString());
            json.WriteString("id", result.RequestId);
            json.WriteStartObject("parameters");
            json.WriteString("variant", model.Variant);
            json.WriteEndObject();
            json.WriteStartArray("outputs");
            foreach (var tensor in OutputTensor.From(result))
            {
                Tensor(json, tensor.Name, tensor.Datatype, tensor.Shape);
                json.WriteStartArray("data");
                foreach (var value in tensor.Values)
                {
                    switch (value)
                    {
                        case float f when float.IsFinite(f): json.WriteNumberValue(f); break;
                        case bool b: json.WriteBooleanValue(b); break;
                        case string s: json.WriteStringValue(s); break;
                        default: json.WriteNullValue(); break;
                    }
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>Infer on a recommender: the score of each (user_id, item_id) pair, an FP64 tensor "score" (null: an item outside the catalogue).</summary>
    private static async Task<IResult> ScorePairsAsync(ServedModel model, JsonElement body, string? id, HttpContext context, PredictionService service)
    {
        var (users, items) = OipRequest.Pairs(body);
        var (requestId, scores) = await service.ScorePairsAsync(model, users, items, id, context.RequestAborted);
        JsonAnswer.ServedBy(context, model);
        return JsonAnswer.Json(json =>
        {
            json.WriteStartObject();
            json.WriteString("model_name", model.Name);
            json.WriteString("model_version", model.Version.ToString());
            json.WriteString("id", requestId);
            json.WriteStartObject("parameters");
            json.WriteString("variant", model.Variant);
            json.WriteEndObject();
            json.WriteStartArray("outputs");
            Tensor(json, "score", "FP64", [scores.Length]);
            json.WriteStartArray("data");
            foreach (var s in scores)
            {
                if (double.IsFinite(s)) json.WriteNumberValue(s);
                else json.WriteNullValue();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    // NOTE: leaves the tensor object open so an infer answer can append "data"; callers close it.
    private static void Tensor(Utf8JsonWriter json, string name, string datatype, long[] shape)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("datatype", datatype);
        json.WriteStartArray("shape");
        foreach (var d in shape)
        {
            json.WriteNumberValue(d);
        }

        json.WriteEndArray();
    }
}
