using System.Globalization;

namespace Pipeline.Formats.PredictionLog;

/// <summary>How the prediction log stores times: fixed-width ISO 8601 UTC text, so text comparison orders them.</summary>
public static class PredictionLogTime
{
    /// <summary>The format, e.g. <c>2024-05-01T12:00:00.0000000Z</c>.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>The stored text of <paramref name="time"/>.</summary>
    public static string Text(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>A stored time read back (UTC).</summary>
    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
