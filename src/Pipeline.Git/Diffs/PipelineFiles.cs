using System.Collections;
using Pipeline.Engine.Serialization;

namespace Pipeline.Git.Diffs;

/// <summary>The metrics and params files a dvc.yaml declares (docs/dvc-format.md §14), read from its value tree.</summary>
internal static class PipelineFiles
{
    /// <summary>The default params file, always compared when present.</summary>
    public const string DefaultParams = "params.yaml";

    /// <summary>Stage <c>metrics:</c> outputs and top-level <c>metrics:</c> entries, in declaration order without duplicates.</summary>
    public static IReadOnlyList<string> Metrics(object? dvcYaml)
    {
        var files = new List<string>();
        if (dvcYaml is not OrderedMap root) return files;
        foreach (var stage in Stages(root))
            if (stage.TryGetValue("metrics", out var metrics)) AddPaths(files, metrics);
        if (root.TryGetValue("metrics", out var topLevel)) AddPaths(files, topLevel);
        return files;
    }

    /// <summary>
    /// Params files with the keys stages depend on: a null key set means the whole file (top-level <c>params:</c>, a file
    /// listed without keys); plain key entries refer to params.yaml.
    /// </summary>
    public static Dictionary<string, HashSet<string>?> Params(object? dvcYaml)
    {
        var files = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        if (dvcYaml is not OrderedMap root) return files;
        foreach (var stage in Stages(root))
        {
            if (!stage.TryGetValue("params", out var ps) || ps is not IList entries) continue;
            foreach (var entry in entries)
            {
                if (entry is string key) AddKeys(files, DefaultParams, [key]);
                else if (entry is OrderedMap map)
                    foreach (var (file, keys) in map)
                        AddKeys(files, file, keys is IList list && list.Count > 0 ? list.OfType<string>() : null);
            }
        }
        if (root.TryGetValue("params", out var topLevel) && topLevel is IList topFiles)
            foreach (var file in topFiles.OfType<string>()) AddKeys(files, file, null);
        return files;
    }

    private static IEnumerable<OrderedMap> Stages(OrderedMap root) =>
        root.TryGetValue("stages", out var stages) && stages is OrderedMap map
            ? map.Select(s => s.Value).OfType<OrderedMap>()
            : [];

    private static void AddPaths(List<string> files, object? entries)
    {
        if (entries is not IList list) return;
        foreach (var item in list)
        {
            var path = item switch
            {
                string s => s,
                OrderedMap { Count: 1 } m => m.Keys.First(),
                _ => null,
            };
            if (path is not null && !files.Contains(path)) files.Add(path);
        }
    }

    private static void AddKeys(Dictionary<string, HashSet<string>?> files, string file, IEnumerable<string>? keys)
    {
        if (keys is null) files[file] = null;
        else if (!files.TryGetValue(file, out var existing)) files[file] = [.. keys];
        else existing?.UnionWith(keys);
    }
}
