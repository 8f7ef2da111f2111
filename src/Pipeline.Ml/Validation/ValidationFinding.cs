namespace Pipeline.Ml.Validation;

/// <summary>One check that failed on one column (or the dataset, when <see cref="Column"/> is null).</summary>
public sealed record ValidationFinding(ValidationCheck Check, FindingSeverity Severity, string? Column, long Count, string Message)
{
    /// <summary>A few offending values or row references.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];
}
