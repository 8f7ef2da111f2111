using System.Globalization;
using Pipeline.Engine.Serialization;
using YamlDotNet.Core;

namespace Pipeline.Git.Experiments;

/// <summary>Reads the params and metrics of one revision (or the workspace) through a file reader, flattened to dotted keys.</summary>
internal static class PipelineValues
{
    /// <summary>params.yaml flattened (<c>train.num_leaves</c> → value).</summary>
    public static Dictionary<string, string> Params(Func<string, string?> read) => Flatten(Parse(read("params.yaml")));

    /// <summary>Every metrics file named in dvc.yaml (top-level and stage <c>metrics:</c>), flattened; scalars only.</summary>
    public static Dictionary<string, string> Metrics(Func<string, string?> read)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in MetricFiles(Parse(read("dvc.yaml"))))
            foreach (var (k, v) in Flatten(Parse(read(file)))) result[k] = v;
        return result;
    }

    private static IEnumerable<string> MetricFiles(object? dvcYaml)
    {
        if (dvcYaml is not OrderedMap root) yield break;
        foreach (var file in Paths(root)) yield return file;
        if (root.TryGetValue("stages", out var stages) && stages is OrderedMap map)
            foreach (var (_, stage) in map)
                if (stage is OrderedMap s) foreach (var file in Paths(s)) yield return file;
    }

    private static IEnumerable<string> Paths(OrderedMap owner)
    {
        if (!owner.TryGetValue("metrics", out var list) || list is not System.Collections.IList items) yield break;
        foreach (var item in items)
        {
            if (item is string path) yield return path;
            else if (item is OrderedMap single && single.Count == 1) yield return single.Keys.First();
        }
    }

    private static object? Parse(string? text)
    {
        if (text is null) return null;
        try
        {
            return DvcYaml.Parse(text);
        }
        catch (Exception e) when (e is YamlException or FormatException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> Flatten(object? tree)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(tree, "", result);
        return result;
    }

    private static void Walk(object? value, string prefix, Dictionary<string, string> result)
    {
        switch (value)
        {
            case OrderedMap map:
                foreach (var (k, v) in map) Walk(v, prefix.Length == 0 ? k : $"{prefix}.{k}", result);
                break;
            case System.Collections.IList:
                break;
            case null:
                break;
            default:
                if (prefix.Length > 0) result[prefix] = Format(value);
                break;
        }
    }

    private static string Format(object value) => value switch
    {
        double d => Math.Round(d, 5).ToString("0.#####", CultureInfo.InvariantCulture),
        float f => Math.Round((double)f, 5).ToString("0.#####", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
