using Pipeline.Serving.Models;

namespace Pipeline.Serving.Logging;

/// <summary>
/// One logged prediction: the model (name, version, variant, features) that answered, the request row, the
/// output and the latency; turned into JSON by the writer, off the request path.
/// </summary>
internal sealed record PredictionRecord(string RequestId, DateTimeOffset Time, ServedModel Model, object?[] Values, Prediction Output, double LatencyMs);
