using Pipeline.Engine.Serialization;

namespace Pipeline.Git.Diffs;

/// <summary>The flattened metrics or params of one revision, per file.</summary>
internal static class RevisionData
{
    /// <summary>The dvc.yaml value tree at this revision, or null when absent.</summary>
    public static object? PipelineDefinition(RevisionReader reader) =>
        reader.Read("dvc.yaml") is { } text ? StructuredFile.Load("dvc.yaml", text, reader.Label) : null;

    /// <summary>Each present file's values, extracted as metrics when <paramref name="metrics"/> and flattened.</summary>
    public static Dictionary<string, SortedDictionary<string, object?>> Load(
        RevisionReader reader, IEnumerable<string> files, bool metrics, IReadOnlyDictionary<string, HashSet<string>?>? keyFilter = null)
    {
        var data = new Dictionary<string, SortedDictionary<string, object?>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (reader.Read(file) is not { } text) continue;
            var tree = StructuredFile.Load(file, text, reader.Label);
            var flat = DiffValues.Flatten(metrics ? DiffValues.ExtractMetrics(tree) : tree);
            if (keyFilter is not null && keyFilter.TryGetValue(file, out var keys) && keys is not null)
                flat = Select(flat, keys);
            data[file] = flat;
        }
        return data;
    }

    private static SortedDictionary<string, object?> Select(SortedDictionary<string, object?> flat, HashSet<string> keys)
    {
        var kept = new SortedDictionary<string, object?>(CodePointComparer.Instance);
        foreach (var (key, value) in flat)
            if (keys.Any(k => key == k || key.StartsWith(k + ".", StringComparison.Ordinal))) kept[key] = value;
        return kept;
    }
}
