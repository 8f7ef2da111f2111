using System.Globalization;
using Pipeline.Formats.Csv;

namespace Pipeline.Ml.Data;

/// <summary>Formats source values as snapshot fields: invariant culture, round-trip doubles, ISO 8601 times, null = missing.</summary>
internal static class SnapshotValue
{
    /// <summary>Appends one row of raw values to <paramref name="writer"/>, each formatted with <see cref="Format"/>.</summary>
    public static void WriteValues(this CsvSnapshotWriter writer, IReadOnlyList<object?> values) => writer.WriteRow(values.Select(Format).ToArray());

    /// <summary>The snapshot text of <paramref name="value"/>, or null (a missing field) for null/DBNull/NaN.</summary>
    public static string? Format(object? value) => value switch
    {
        null or DBNull => null,
        string s => s.Length == 0 ? null : s,
        double d => double.IsNaN(d) ? null : d.ToString("R", CultureInfo.InvariantCulture),
        float f => float.IsNaN(f) ? null : f.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime t => FormatTime(t),
        DateTimeOffset o => o.Offset == TimeSpan.Zero ? FormatTime(o.UtcDateTime) : o.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeSpan ts => ts.ToString("c", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string FormatTime(DateTime t)
    {
        var text = t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        return t.Kind == DateTimeKind.Utc ? text + "Z" : text;
    }
}
