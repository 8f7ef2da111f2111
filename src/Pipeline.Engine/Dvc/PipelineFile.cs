using Pipeline.Engine.Serialization;

namespace Pipeline.Engine.Dvc;

/// <summary>dvc.yaml, generated from the targets so DVC tooling can read the pipeline.</summary>
internal static class PipelineFile
{
    /// <summary>
    /// The whole dvc.yaml: <c>stages:</c> in the given order, each with keys
    /// <c>desc, cmd, deps, params, outs, metrics, plots, always_changed</c> (empty ones dropped, lists sorted, docs/dvc-format.md §6).
    /// </summary>
    public static string ToText(IEnumerable<StageSpec> stages)
    {
        var map = new OrderedMap();
        foreach (var stage in stages) map.Add(stage.Name, ToTree(stage));
        return DvcYaml.Emit(new OrderedMap { { "stages", map } });
    }

    /// <summary>One stage's definition tree.</summary>
    public static OrderedMap ToTree(StageSpec stage)
    {
        var tree = new OrderedMap();
        if (!string.IsNullOrEmpty(stage.Desc)) tree.Add("desc", stage.Desc);
        tree.Add("cmd", stage.Cmd);
        AddSorted(tree, "deps", stage.Deps);
        AddSorted(tree, "params", stage.Params);
        AddSorted(tree, "outs", stage.Outs);
        AddSorted(tree, "metrics", stage.Metrics);
        AddSorted(tree, "plots", stage.Plots);
        if (stage.AlwaysChanged) tree.Add("always_changed", true);
        return tree;
    }

    private static void AddSorted(OrderedMap tree, string key, IReadOnlyList<string> items)
    {
        if (items.Count == 0) return;
        tree.Add(key, items.Distinct().Order(CodePointComparer.Instance).Select(object? (s) => s).ToList());
    }
}
