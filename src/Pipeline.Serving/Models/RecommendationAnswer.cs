using Pipeline.Ml.Recommendation;

namespace Pipeline.Serving.Models;

/// <summary>A served recommendation: the model that answered, the request id, the items and whether the user was unknown (popularity answer).</summary>
internal sealed record RecommendationAnswer(ServedModel Model, string RequestId, IReadOnlyList<RecommendedItem> Items, bool ColdStart);

/// <summary>A <c>:recommend</c> request: the user, how many items, items to leave out and an optional filter on item side columns.</summary>
internal sealed record RecommendRequest(string User, int K, IReadOnlyList<string> Exclude, IReadOnlyDictionary<string, IReadOnlyCollection<string>>? Filter);
