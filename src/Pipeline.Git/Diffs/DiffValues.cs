using System.Collections;
using Pipeline.Engine.Serialization;

namespace Pipeline.Git.Diffs;

/// <summary>DVC's value handling for diffs (dvc/utils/diff.py, dvc/repo/metrics/show.py): extract, format, flatten, compare, subtract.</summary>
internal static class DiffValues
{
    /// <summary>Keeps only numbers, strings, booleans and non-empty maps of them, as DVC's <c>_extract_metrics</c> does (lists dropped).</summary>
    public static object? ExtractMetrics(object? value) => value switch
    {
        long or double or bool or string => value,
        OrderedMap map => ExtractMap(map),
        _ => null,
    };

    /// <summary>Flattens nested maps with '.'-joined keys; lists become their Python <c>str()</c> (<c>format_dict</c>) and empty maps vanish.</summary>
    public static SortedDictionary<string, object?> Flatten(object? tree)
    {
        var flat = new SortedDictionary<string, object?>(CodePointComparer.Instance);
        if (tree is OrderedMap map) FlattenInto(flat, "", map);
        return flat;
    }

    /// <summary>Python's <c>==</c> on diff values: numbers (bools as 0/1) by value, everything else by equality.</summary>
    public static bool PythonEquals(object? a, object? b)
    {
        if (AsNumber(a) is { } x && AsNumber(b) is { } y)
            return x.IsLong && y.IsLong ? x.Long == y.Long : x.Double == y.Double;
        return Equals(a, b);
    }

    /// <summary><c>new - old</c> when both are numbers (bools count, as in Python), otherwise null.</summary>
    public static object? Subtract(object? newValue, object? oldValue)
    {
        if (AsNumber(newValue) is not { } n || AsNumber(oldValue) is not { } o) return null;
        return n.IsLong && o.IsLong ? (object)(n.Long - o.Long) : n.Double - o.Double;
    }

    private static OrderedMap? ExtractMap(OrderedMap map)
    {
        var kept = new OrderedMap();
        foreach (var (key, val) in map)
        {
            var m = ExtractMetrics(val);
            if (m is not null && m is not OrderedMap { Count: 0 }) kept.Add(key, m);
        }
        return kept;
    }

    private static void FlattenInto(SortedDictionary<string, object?> flat, string prefix, OrderedMap map)
    {
        foreach (var (key, val) in map)
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            switch (val)
            {
                case OrderedMap nested: FlattenInto(flat, path, nested); break;
                case string: flat[path] = val; break;
                case IEnumerable list: flat[path] = PythonRepr.Repr(list); break;
                default: flat[path] = val; break;
            }
        }
    }

    private static Number? AsNumber(object? v) => v switch
    {
        bool b => new Number(true, b ? 1 : 0, b ? 1 : 0),
        long l => new Number(true, l, l),
        int i => new Number(true, i, i),
        double d => new Number(false, 0, d),
        _ => null,
    };

    private readonly record struct Number(bool IsLong, long Long, double Double);
}
