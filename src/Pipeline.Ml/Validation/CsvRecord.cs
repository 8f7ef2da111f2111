namespace Pipeline.Ml.Validation;

/// <summary>One CSV record and the 1-based line it starts on; a <c>null</c> field is a missing value.</summary>
internal sealed record CsvRecord(long Line, string?[] Fields);
