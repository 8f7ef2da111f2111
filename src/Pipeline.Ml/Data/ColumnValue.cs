using System.Globalization;

namespace Pipeline.Ml.Data;

/// <summary>
/// How a snapshot field is read as each <see cref="ColumnKind"/> (invariant culture): the one set of value rules shared
/// by kind inference (<see cref="ColumnTypeInference"/>), Validate's type checks and the profiles.
/// </summary>
internal static class ColumnValue
{
    private static readonly string[] TrueWords = ["true", "yes", "y", "t", "1"];
    private static readonly string[] FalseWords = ["false", "no", "n", "f", "0"];
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>Parses a finite invariant-culture number (integers included, no thousands separators).</summary>
    public static bool TryNumber(string value, out double number) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    /// <summary>True for a truth word: true/false, yes/no, y/n, t/f, 1/0 (any case).</summary>
    public static bool IsTruthWord(string value) =>
        TrueWords.Contains(value, StringComparer.OrdinalIgnoreCase) || FalseWords.Contains(value, StringComparer.OrdinalIgnoreCase);

    /// <summary>True for an ISO 8601 date or date-time, with or without a zone.</summary>
    public static bool IsIsoDate(string value) =>
        DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    /// <summary>True when <paramref name="value"/> can be read as <paramref name="kind"/> (any value is Categorical or Text).</summary>
    public static bool Fits(string value, ColumnKind kind) => kind switch
    {
        ColumnKind.Numeric => TryNumber(value, out _),
        ColumnKind.Boolean => IsTruthWord(value),
        ColumnKind.Date => IsIsoDate(value),
        _ => true,
    };
}
