namespace Pipeline.Ml.Validation;

/// <summary>What a finding does to the stage: an error fails it (after the report is written), a warning does not.</summary>
public enum FindingSeverity
{
    /// <summary>Reported; the stage continues.</summary>
    Warning,
    /// <summary>Reported; the stage fails with a <see cref="ValidationException"/>.</summary>
    Error,
}
