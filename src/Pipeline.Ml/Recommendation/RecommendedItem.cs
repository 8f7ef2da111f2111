namespace Pipeline.Ml.Recommendation;

/// <summary>One recommended item and its score.</summary>
public readonly record struct RecommendedItem(string Item, double Score);
