namespace Pipeline.Ml.Validation;

/// <summary>One failed row-level check: which check, on which schema column (position and name), the offending value.</summary>
internal sealed record RowFailure(ValidationCheck Check, int Order, string? Column, string? Value, bool Quarantines);
