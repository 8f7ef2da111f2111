using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Pipeline.Formats.Params;

/// <summary>
/// Parses one params.yaml value (given as text) for a stage's options; a bad value throws
/// <see cref="ParamException"/> quoting the dotted key, the value and what is accepted.
/// </summary>
public static class ParamValue
{
    /// <summary>An invariant integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    [SuppressMessage("Naming", "CA1720", Justification = "Named for the params.yaml value kind it reads, beside Number, Fraction, Boolean and Choice.")]
    public static int Integer(string key, string value, int min = int.MinValue, int max = int.MaxValue) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw Bad(key, value, "an integer" + Range(min, max, int.MinValue, int.MaxValue));

    /// <summary>An invariant finite number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static double Number(string key, string value, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && d >= min && d <= max
            ? d
            : throw Bad(key, value, "a number" + Range(min, max, double.NegativeInfinity, double.PositiveInfinity));

    /// <summary>An invariant number strictly between 0 and 1 (a share that must leave something on both sides).</summary>
    public static double Fraction(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d > 0 && d < 1
            ? d
            : throw Bad(key, value, "a number between 0 and 1 (both excluded)");

    /// <summary><c>true</c> or <c>false</c> (any case).</summary>
    public static bool Boolean(string key, string value) =>
        bool.TryParse(value, out var b) ? b : throw Bad(key, value, "true or false");

    /// <summary>A member of <typeparamref name="T"/> by its snake_case or Pascal name (never by number).</summary>
    public static T Choice<T>(string key, string value) where T : struct, Enum =>
        !int.TryParse(value, out _) && Enum.TryParse<T>(value.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw Bad(key, value, "one of: " + string.Join(", ", Enum.GetNames<T>().Select(SnakeCase)));

    /// <summary>The error for <paramref name="value"/> of <paramref name="key"/>, which is not <paramref name="expected"/>.</summary>
    public static ParamException Bad(string key, string value, string expected) =>
        new($"params.yaml {key} is '{value}'; expected {expected}.");

    private static string Range<T>(T min, T max, T lowest, T highest) where T : IFormattable, IEquatable<T> =>
        (min.Equals(lowest), max.Equals(highest)) switch
        {
            (true, true) => "",
            (false, true) => $" >= {Text(min)}",
            (true, false) => $" <= {Text(max)}",
            _ => $" from {Text(min)} to {Text(max)}",
        };

    private static string Text(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    private static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 && !char.IsUpper(pascal[i - 1]) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
