using Pipeline.Engine.Primitives;
using Pipeline.Engine.Serialization;
using YamlDotNet.Core;

namespace Pipeline.Ui.Pipeline;

/// <summary>The target graph from dvc.yaml (which the engine writes from the targets): stages in file order, edges from outs to deps.</summary>
internal static class PipelineGraph
{
    /// <summary>The stages, or a message saying why there are none (missing or corrupt dvc.yaml).</summary>
    public static (IReadOnlyList<StageDefinition> Stages, string? Problem) Read(string root)
    {
        var path = Path.Combine(root, "dvc.yaml");
        if (!File.Exists(path)) return ([], "No dvc.yaml yet: run ./build.sh once and the engine writes it from the targets.");
        object? tree;
        try
        {
            tree = DvcYaml.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is YamlException or FormatException)
        {
            return ([], $"dvc.yaml is not valid YAML ({e.Message}); the next ./build.sh run writes it again.");
        }
        if (tree is not OrderedMap map || !map.TryGetValue("stages", out var s) || s is not OrderedMap stages)
            return ([], "dvc.yaml has no stages: mapping; the next ./build.sh run writes it again.");
        var list = stages.Select(kv => Stage(kv.Key, kv.Value as OrderedMap)).ToList();
        return (list.Select(stage => stage with { After = Upstream(stage, list) }).ToList(), null);
    }

    private static StageDefinition Stage(string name, OrderedMap? body) => new(
        name,
        body is not null && body.TryGetValue("desc", out var d) ? d as string : null,
        Strings(body, "deps"),
        [.. Strings(body, "outs"), .. Strings(body, "metrics"), .. Strings(body, "plots")],
        Strings(body, "params"));

    private static List<string> Strings(OrderedMap? body, string key)
    {
        if (body is null || !body.TryGetValue(key, out var value) || value is not System.Collections.IList items) return [];
        var result = new List<string>();
        foreach (var item in items)
        {
            if (item is string text) result.Add(text);
            else if (item is OrderedMap one && one.Count == 1) result.Add(one.Keys.First());
        }
        return result;
    }

    private static List<string> Upstream(StageDefinition stage, IReadOnlyList<StageDefinition> all) => all
        .Where(other => other.Name != stage.Name && other.Outs.Any(o => stage.Deps.Any(d => Overlaps(d, o))))
        .Select(other => other.Name)
        .ToList();

    // NOTE: a directory output feeds a dep inside it, and a dep on a directory reads every output inside it.
    private static bool Overlaps(string dep, string output)
    {
        try
        {
            var (d, o) = (RepoPath.Parse(dep), RepoPath.Parse(output));
            return d.IsSameOrUnder(o) || o.IsSameOrUnder(d);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
