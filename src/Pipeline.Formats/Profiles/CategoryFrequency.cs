namespace Pipeline.Formats.Profiles;

/// <summary>How often a category occurs among a column's non-missing values.</summary>
public sealed record CategoryFrequency(string Value, long Count, double Share);
