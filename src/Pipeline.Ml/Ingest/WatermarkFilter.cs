using System.Globalization;
using Pipeline.Formats.Columns;

namespace Pipeline.Ml.Ingest;

/// <summary>
/// "Rows whose <see cref="Column"/> is greater than <see cref="After"/>". Values compare as numbers when both parse as
/// invariant numbers, otherwise ordinally (ISO 8601 timestamps in one format compare correctly as text).
/// </summary>
internal sealed record WatermarkFilter(string Column, string After)
{
    /// <summary>Orders two watermark values.</summary>
    public static int Compare(string a, string b) =>
        TryNumber(a, out var x) && TryNumber(b, out var y) ? x.CompareTo(y) : string.CompareOrdinal(a, b);

    /// <summary>True when <paramref name="value"/> is past the watermark.</summary>
    public bool Passes(string value) => Compare(value, After) > 0;

    /// <summary>The bound as a typed SQL parameter value: long, double, an ISO date (if allowed) or the text.</summary>
    public object TypedAfter(bool allowDateTime)
    {
        if (long.TryParse(After, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer)) return integer;
        if (TryNumber(After, out var number)) return number;
        if (allowDateTime && ColumnValue.IsIsoDate(After))
            return DateTime.Parse(After, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        return After;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
