namespace Pipeline.Ml.Profiles;

/// <summary>How often a category occurs among a column's non-missing values.</summary>
internal sealed record CategoryFrequency(string Value, long Count, double Share);
