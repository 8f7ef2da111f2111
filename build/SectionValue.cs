using System.Globalization;

namespace ReferencePipeline;

/// <summary>Typed reads of a flattened params.yaml section with a fallback for absent or empty keys.</summary>
internal static class SectionValue
{
    /// <summary>The integer at <paramref name="key"/>, or <paramref name="fallback"/>.</summary>
    public static int Int(IReadOnlyDictionary<string, string> section, string key, int fallback) =>
        section.TryGetValue(key, out var v) && v.Length > 0 ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The number at <paramref name="key"/>, or <paramref name="fallback"/>.</summary>
    public static double Number(IReadOnlyDictionary<string, string> section, string key, double fallback) =>
        section.TryGetValue(key, out var v) && v.Length > 0 ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
