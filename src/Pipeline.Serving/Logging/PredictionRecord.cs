using Pipeline.Serving.Models;

namespace Pipeline.Serving.Logging;

/// <summary>
/// One logged prediction as its row of the <c>predictions</c> table: the model (name, version, variant) that answered,
/// the request row and the output as JSON text, the latency, and the W3C trace id of the request (empty when untraced).
/// </summary>
internal sealed record PredictionRecord(string RequestId, DateTimeOffset Time, string Model, string Version, string Variant, string Features, string Output, double LatencyMs, string TraceId)
{
    /// <summary>The record of one answered row.</summary>
    // NOTE: the JSON is written here, on the request's thread, not by the log's single writer: under back-pressure the
    // writer's pace is the host's pace, so it should do nothing but insert.
    public static PredictionRecord Of(string requestId, DateTimeOffset time, ServedModel model, object?[] values, Prediction output, double latencyMs, string traceId) =>
        new(requestId, time, model.Name, model.VersionText, model.Variant, PredictionJson.Features(model.Features, values), PredictionJson.Output(output, model.Classes), latencyMs, traceId);
}
