using Pipeline.Engine.Execution;
using Pipeline.Engine.Serialization;
using YamlDotNet.Core;

namespace Pipeline.Git.Experiments;

/// <summary>Reads the params and metrics of one revision (or the workspace) through a file reader, flattened to dotted keys.</summary>
internal static class PipelineValues
{
    /// <summary>params.yaml flattened (<c>train.num_leaves</c> → value).</summary>
    public static IReadOnlyDictionary<string, string> Params(Func<string, string?> read) => ParamFlattener.Flatten(Parse(read("params.yaml")));

    /// <summary>Every metrics file named in dvc.yaml (top-level and stage <c>metrics:</c>), flattened.</summary>
    public static IReadOnlyDictionary<string, string> Metrics(Func<string, string?> read)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in MetricFiles(Parse(read("dvc.yaml"))))
            foreach (var (k, v) in ParamFlattener.Flatten(Parse(read(file)))) result[k] = v;
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
}
