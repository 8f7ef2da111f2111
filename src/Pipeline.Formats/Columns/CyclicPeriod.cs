namespace Pipeline.Formats.Columns;

/// <summary>
/// The pipeline's one rule for a cyclic numeric column (hour of day, minute, day of week, month), whose largest value
/// neighbours its smallest (23 and 0): drift compares such a column on the circle. A column is cyclic when its name is,
/// or ends in <c>_</c> followed by, one of the names below, and its values lie in the cycle's range:
/// <list type="bullet">
/// <item><c>hour</c>, <c>hour_of_day</c>: period 24, values in [0, 24];</item>
/// <item><c>minute</c>, <c>minute_of_hour</c>, <c>second</c>: period 60, values in [0, 60];</item>
/// <item><c>day_of_week</c>, <c>weekday</c>, <c>dow</c>: period 7, values in [0, 7];</item>
/// <item><c>month</c>, <c>month_of_year</c>: period 12, values in [0, 12].</item>
/// </list>
/// Names compare case-insensitively with <c>-</c>, space and camel case read as <c>_</c> (<c>HourOfDay</c> = <c>hour_of_day</c>).
/// A column named so but outside the range (hours since signup) is not cyclic.
/// </summary>
public static class CyclicPeriod
{
    private static readonly (string Name, double Period)[] Names =
    [
        ("hour_of_day", 24), ("hour", 24), ("minute_of_hour", 60), ("minute", 60), ("second", 60),
        ("day_of_week", 7), ("weekday", 7), ("dow", 7), ("month_of_year", 12), ("month", 12),
    ];

    /// <summary>The period of column <paramref name="name"/> whose values span [<paramref name="min"/>, <paramref name="max"/>], or null when it is not cyclic.</summary>
    public static double? Of(string name, double min, double max)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normal = Normalize(name);
        foreach (var (cyclic, period) in Names)
        {
            var named = normal == cyclic || normal.EndsWith("_" + cyclic, StringComparison.Ordinal);
            if (named) return min >= 0 && max <= period && max > min ? period : null;
        }

        return null;
    }

    private static string Normalize(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1])) text.Append('_');
            text.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }

        return text.ToString();
    }
}
