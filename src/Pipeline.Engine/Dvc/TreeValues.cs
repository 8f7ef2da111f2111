using System.Collections;
using System.Globalization;
using Pipeline.Engine.Serialization;

namespace Pipeline.Engine.Dvc;

/// <summary>Typed reads from a parsed YAML value tree; a wrong shape throws <see cref="FormatException"/> naming the key.</summary>
internal static class TreeValues
{
    /// <summary>The mapping, or a FormatException naming <paramref name="what"/>.</summary>
    public static OrderedMap Map(object? value, string what) =>
        value as OrderedMap ?? throw new FormatException($"'{what}' must be a mapping, found {Describe(value)}.");

    /// <summary>The list (null gives an empty list), or a FormatException.</summary>
    public static IList List(object? value, string what) =>
        value switch
        {
            null => Array.Empty<object?>(),
            IList list => list,
            _ => throw new FormatException($"'{what}' must be a list, found {Describe(value)}."),
        };

    /// <summary>A required string; ints are accepted and turned into text (DVC coerces digit-only hashes the same way).</summary>
    public static string String(OrderedMap map, string key, string what) =>
        map.TryGetValue(key, out var v) ? AsString(v, $"{what}.{key}") : throw new FormatException($"'{what}' has no '{key}'.");

    /// <summary>An optional string.</summary>
    public static string? OptionalString(OrderedMap map, string key, string what) =>
        map.TryGetValue(key, out var v) && v is not null ? AsString(v, $"{what}.{key}") : null;

    /// <summary>An optional integer.</summary>
    public static long? OptionalLong(OrderedMap map, string key, string what) =>
        !map.TryGetValue(key, out var v) || v is null ? null
        : v is long l ? l
        : throw new FormatException($"'{what}.{key}' must be an integer, found {Describe(v)}.");

    /// <summary>An optional boolean (absent = false).</summary>
    public static bool Flag(OrderedMap map, string key, string what) =>
        !map.TryGetValue(key, out var v) || v is null ? false
        : v is bool b ? b
        : throw new FormatException($"'{what}.{key}' must be true or false, found {Describe(v)}.");

    private static string AsString(object? v, string what) => v switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => throw new FormatException($"'{what}' must be a string, found {Describe(v)}."),
    };

    private static string Describe(object? v) => v switch
    {
        null => "nothing",
        string s => $"the string '{s}'",
        OrderedMap => "a mapping",
        IList => "a list",
        _ => $"the value {Convert.ToString(v, CultureInfo.InvariantCulture)}",
    };
}
