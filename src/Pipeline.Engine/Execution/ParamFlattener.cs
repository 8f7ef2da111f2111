using System.Globalization;
using Pipeline.Engine.Serialization;

namespace Pipeline.Engine.Execution;

/// <summary>
/// The one rule that flattens a params.yaml (or metrics file) value tree into dotted string keys
/// (<c>train.num_leaves</c> → <c>31</c>): nested maps join their keys with '.', lists become their items joined with
/// ',', null becomes "", numbers are written round-trip in the invariant culture. Stage option parsers and the
/// experiment table read the same keys and values.
/// </summary>
public static class ParamFlattener
{
    /// <summary>The leaves of <paramref name="tree"/> (a map parsed from YAML or JSON) by dotted key; empty for anything but a map.</summary>
    public static IReadOnlyDictionary<string, string> Flatten(object? tree)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (tree is OrderedMap map) Add(result, "", map);
        return result;
    }

    private static void Add(Dictionary<string, string> result, string prefix, OrderedMap map)
    {
        foreach (var (key, value) in map)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (value is OrderedMap nested) Add(result, path, nested);
            else result[path] = Scalar(value);
        }
    }

    private static string Scalar(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IEnumerable<object?> list => string.Join(",", list.Select(Scalar)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
