using System.Globalization;
using System.Text.Json;
using Pipeline.Engine.Serialization;

namespace Pipeline.Git.Diffs;

/// <summary>Reads JSON into the engine's value tree (OrderedMap, lists, long, double, bool, string, null), as Python's json.load would.</summary>
internal static class JsonTree
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="JsonException"/> when malformed.</summary>
    public static object? Parse(string text)
    {
        using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false });
        return Convert(doc.RootElement);
    }

    private static object? Convert(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => ConvertObject(e),
        JsonValueKind.Array => e.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => ConvertNumber(e.GetRawText()),
        _ => null,
    };

    private static OrderedMap ConvertObject(JsonElement e)
    {
        var map = new OrderedMap();
        // NOTE: the indexer replaces an existing key, so a duplicate keeps its last value as in Python.
        foreach (var p in e.EnumerateObject()) map[p.Name] = Convert(p.Value);
        return map;
    }

    private static object ConvertNumber(string raw)
    {
        var isInteger = raw.IndexOfAny(['.', 'e', 'E']) < 0;
        if (isInteger && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
        return double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
