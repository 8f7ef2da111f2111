namespace Pipeline.Ml.Features;

/// <summary>A text column's n-gram vocabulary after Featurize: the n-grams kept as features and the distinct ones seen in train.</summary>
internal sealed record TextNgrams(int Kept, int Seen);
