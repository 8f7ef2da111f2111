using System.Globalization;

namespace Pipeline.Ml.Validation;

/// <summary>How a raw CSV field is read as each column kind (invariant culture, shared by inference and checks).</summary>
internal static class ValueParsing
{
    private static readonly string[] TrueWords = ["true", "yes", "t", "y"];
    private static readonly string[] FalseWords = ["false", "no", "f", "n"];

    /// <summary>Parses an invariant floating-point number (no thousands separators).</summary>
    public static bool TryNumber(string value, out double number) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    /// <summary>True for the boolean words true/false, yes/no, t/f, y/n in any case.</summary>
    public static bool IsBoolean(string value) =>
        TrueWords.Contains(value, StringComparer.OrdinalIgnoreCase) || FalseWords.Contains(value, StringComparer.OrdinalIgnoreCase);

    /// <summary>True for ISO-like dates and timestamps (<c>2024-01-31</c>, <c>2024-01-31T10:00:00Z</c>).</summary>
    public static bool IsDate(string value) =>
        value.Length >= 8 && char.IsAsciiDigit(value[0]) && value.Length > 4 && (value[4] == '-' || value[4] == '/')
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    /// <summary>True when <paramref name="value"/> can be read as <paramref name="kind"/>.</summary>
    public static bool Fits(string value, Data.ColumnKind kind) => kind switch
    {
        Data.ColumnKind.Numeric => TryNumber(value, out _),
        Data.ColumnKind.Boolean => IsBoolean(value),
        Data.ColumnKind.Date => IsDate(value),
        _ => true,
    };
}
