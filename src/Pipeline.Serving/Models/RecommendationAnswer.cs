using Pipeline.Ml.Recommendation;

namespace Pipeline.Serving.Models;

/// <summary>A served recommendation: the model that answered, the request id, the items and whether the user was unknown (popularity answer).</summary>
internal sealed record RecommendationAnswer(ServedModel Model, string RequestId, IReadOnlyList<RecommendedItem> Items, bool ColdStart);
