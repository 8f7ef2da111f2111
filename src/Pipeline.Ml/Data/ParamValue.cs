using System.Globalization;

namespace Pipeline.Ml.Data;

/// <summary>
/// Parses one params.yaml value (given as text) for a stage's options; a bad value throws
/// <see cref="ArgumentException"/> quoting the dotted key, the value and what is accepted.
/// </summary>
internal static class ParamValue
{
    /// <summary>An invariant integer of at least <paramref name="min"/>.</summary>
    public static int Integer(string key, string value, int min = int.MinValue) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw Bad(key, value, min == int.MinValue ? "an integer" : $"an integer >= {min}");

    /// <summary>An invariant floating-point number.</summary>
    public static double Number(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw Bad(key, value, "a number");

    /// <summary><c>true</c> or <c>false</c> (any case).</summary>
    public static bool Boolean(string key, string value) =>
        bool.TryParse(value, out var b) ? b : throw Bad(key, value, "true or false");

    /// <summary>A member of <typeparamref name="T"/> by its snake_case or Pascal name (never by number).</summary>
    public static T Choice<T>(string key, string value) where T : struct, Enum =>
        !int.TryParse(value, out _) && Enum.TryParse<T>(value.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw Bad(key, value, "one of: " + string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant())));

    private static ArgumentException Bad(string key, string value, string expected) =>
        new($"params.yaml {key} is '{value}'; expected {expected}.");
}
