using Pipeline.Engine.Primitives;
using Pipeline.Engine.Serialization;

namespace Pipeline.Engine.Dvc;

/// <summary>One path in a lock entry; <see cref="Info"/> is null when the path was missing.</summary>
public sealed record LockedPath(string Path, HashInfo? Info);

/// <summary>The params one stage read from one params file: listed key (dotted, as declared) to value tree.</summary>
public sealed record ParamsLock(string File, OrderedMap Values);

/// <summary>One stage's dvc.lock entry (schema 2.0): cmd, deps, params, outs (outs include metrics and plots).</summary>
public sealed record StageLock(string Cmd, IReadOnlyList<LockedPath> Deps, IReadOnlyList<ParamsLock> Params, IReadOnlyList<LockedPath> Outs)
{
    private const string DefaultParamsFile = "params.yaml";

    /// <summary>The canonical tree (deps/outs sorted by path, params.yaml first, keys sorted) as dvc.lock holds it.</summary>
    public OrderedMap ToTree()
    {
        var tree = new OrderedMap { { "cmd", Cmd } };
        if (Deps.Count > 0) tree.Add("deps", PathsTree(Deps));
        if (Params.Count > 0) tree.Add("params", ParamsTree());
        if (Outs.Count > 0) tree.Add("outs", PathsTree(Outs));
        return tree;
    }

    /// <summary>Reads an entry; a wrong shape throws <see cref="FormatException"/> naming the key.</summary>
    public static StageLock FromTree(OrderedMap tree)
    {
        var cmd = TreeValues.String(tree, "cmd", "stage");
        var deps = Paths(tree, "deps");
        var outs = Paths(tree, "outs");
        var parameters = new List<ParamsLock>();
        if (tree.TryGetValue("params", out var p) && p is not null)
        {
            foreach (var (file, values) in TreeValues.Map(p, "params"))
                parameters.Add(new ParamsLock(file, values is null ? [] : TreeValues.Map(values, $"params.{file}")));
        }
        return new StageLock(cmd, deps, parameters, outs);
    }

    private static List<LockedPath> Paths(OrderedMap tree, string key) =>
        tree.TryGetValue(key, out var v)
            ? TreeValues.List(v, key).Cast<object?>().Select(item => LockedPathTree.FromTree(item, key)).ToList()
            : [];

    private static List<object?> PathsTree(IEnumerable<LockedPath> paths) =>
        paths.OrderBy(p => p.Path, CodePointComparer.Instance).Select(object? (p) => LockedPathTree.ToTree(p)).ToList();

    private OrderedMap ParamsTree()
    {
        // NOTE: DVC sorts the files by path and moves params.yaml first; within a file only top-level keys are sorted.
        var files = Params.GroupBy(p => p.File)
            .OrderBy(g => g.Key == DefaultParamsFile ? 0 : 1)
            .ThenBy(g => g.Key, CodePointComparer.Instance);
        var tree = new OrderedMap();
        foreach (var file in files)
        {
            var values = new OrderedMap();
            foreach (var (key, value) in file.SelectMany(p => p.Values).OrderBy(kv => kv.Key, CodePointComparer.Instance))
                values[key] = value;
            tree.Add(file.Key, values);
        }
        return tree;
    }
}
