using System.Globalization;
using Pipeline.Engine.Serialization;

namespace Pipeline.Engine.Execution;

/// <summary>Flattens a params.yaml value tree into dotted string keys, for stage option parsers that take flat settings.</summary>
internal static class ParamFlattener
{
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
