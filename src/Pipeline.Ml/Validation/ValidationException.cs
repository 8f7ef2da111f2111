using Pipeline.Engine.Failures;

namespace Pipeline.Ml.Validation;

/// <summary>
/// Validate found error-severity problems; the report files were written before this was thrown. An
/// <see cref="InputException"/>: the data (or the schema) needs fixing, not the code.
/// </summary>
public sealed class ValidationException(ValidationReport report, string reportPath)
    : InputException(Describe(report, reportPath))
{
    /// <summary>The full report.</summary>
    public ValidationReport Report { get; } = report;

    private static string Describe(ValidationReport report, string reportPath)
    {
        var errors = report.Findings.Where(f => f.Severity == FindingSeverity.Error).ToList();
        var lines = errors.Select(f => $"  - {ValidationCheckNames.Of(f.Check)}{(f.Column is null ? "" : $" [{f.Column}]")}: {f.Message}");
        return $"Validation of {report.Snapshot} failed with {errors.Count} error(s):\n{string.Join("\n", lines)}\n"
            + $"See {reportPath}. Fix the data, update data/schema.yaml, or relax validate.severity.<check> in params.yaml.";
    }
}
