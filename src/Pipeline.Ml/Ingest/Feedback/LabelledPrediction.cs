namespace Pipeline.Ml.Ingest.Feedback;

/// <summary>One prediction of the serving log that has ground truth: its request id, logged features (a JSON object) and label.</summary>
internal sealed record LabelledPrediction(string RequestId, string FeaturesJson, string Label);
