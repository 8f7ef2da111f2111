namespace Pipeline.Serving.Models;

/// <summary>The answer to one request: the model (version, variant) that answered, one id and prediction per row.</summary>
internal sealed record PredictionResult(ServedModel Model, string RequestId, IReadOnlyList<string> RowIds, Prediction[] Predictions);
