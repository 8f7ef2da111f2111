using System.Text;
using Pipeline.Formats.Params;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Validation;

/// <summary>The snake_case names of checks and severities as params.yaml and the reports spell them.</summary>
internal static class ValidationCheckNames
{
    /// <summary>The snake_case name of a check (<c>NullRateJump</c> → <c>null_rate_jump</c>).</summary>
    public static string Of(ValidationCheck check)
    {
        var name = check.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) builder.Append('_');
            builder.Append(char.ToLowerInvariant(name[i]));
        }
        return builder.ToString();
    }

    /// <summary>Parses a snake_case check name (of <c>validate.severity.&lt;check&gt;</c>); unknown names are an error listing the known ones.</summary>
    public static ValidationCheck Parse(string name) =>
        Enum.GetValues<ValidationCheck>().FirstOrDefault(c => Of(c) == name, (ValidationCheck)(-1)) is var check && Enum.IsDefined(check)
            ? check
            : throw new ParamException($"Unknown validation check '{name}' in params.yaml validate.severity.{name}. Known checks: {string.Join(", ", Enum.GetValues<ValidationCheck>().Select(Of))}.");

    /// <summary>Parses <c>error</c> or <c>warning</c>, the value of <c>validate.severity.&lt;check&gt;</c>.</summary>
    public static FindingSeverity ParseSeverity(string check, string value) => value.ToLowerInvariant() switch
    {
        "error" => FindingSeverity.Error,
        "warning" or "warn" => FindingSeverity.Warning,
        _ => throw ParamValue.Bad($"validate.severity.{check}", value, "error or warning"),
    };
}
