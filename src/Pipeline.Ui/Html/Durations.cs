using System.Globalization;

namespace Pipeline.Ui.Html;

/// <summary>A duration in milliseconds as the pages show it: <c>300 ms</c>, <c>4.2 s</c>, <c>1 min 1 s</c>.</summary>
internal static class Durations
{
    public static string Of(long ms) => ms < 1000
        ? $"{ms} ms"
        : ms < 60_000 ? $"{(ms / 1000.0).ToString("0.0", CultureInfo.InvariantCulture)} s" : $"{ms / 60_000} min {ms % 60_000 / 1000} s";
}
