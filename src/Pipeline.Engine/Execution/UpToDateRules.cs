using Pipeline.Engine.Dvc;
using Pipeline.Engine.Planning;
using Pipeline.Engine.Serialization;

namespace Pipeline.Engine.Execution;

/// <summary>
/// The up-to-date rules, as a pure function of what dvc.lock recorded and what is there now: a target runs when
/// forced, never ran, its command or code changed, an input's content changed, a parameter's value changed, or
/// an output is missing (and not in the cache) or modified; missing outputs whose objects are cached are restored.
/// </summary>
internal static class UpToDateRules
{
    public static Verdict Decide(TargetSpec spec, StageLock current, StageLock? recorded, IReadOnlyDictionary<string, OutputState> outputs, bool force)
    {
        if (force) return Verdict.Run("--force");
        if (spec.AlwaysRun) return Verdict.Run("always runs (AlwaysRun)");
        if (spec.Inputs.Count == 0 && !spec.AllOutputs.Any() && spec.Params.Count == 0)
            return Verdict.Run("declares no inputs, outputs or params");
        if (recorded is null) return Verdict.Run("never ran");
        if (recorded.Cmd != current.Cmd) return Verdict.Run("command changed");
        if (ChangedDependency(current, recorded) is { } dep) return Verdict.Run(dep);
        if (ChangedParam(current, recorded) is { } param) return Verdict.Run(param);
        if (ChangedOutput(outputs) is { } output) return Verdict.Run(output);

        var restorable = outputs.Where(o => o.Value == OutputState.Restorable).Select(o => o.Key).Order(StringComparer.Ordinal).ToList();
        return restorable.Count > 0
            ? new Verdict(VerdictKind.Restore, "restored from cache: " + string.Join(", ", restorable))
            : new Verdict(VerdictKind.Skip, UpToDate.Reason);
    }

    private static string? ChangedDependency(StageLock current, StageLock recorded)
    {
        var before = recorded.Deps.ToDictionary(d => d.Path, d => d.Info?.Hash);
        foreach (var dep in current.Deps.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            var isCode = dep.Path.StartsWith(".nuke/code/", StringComparison.Ordinal);
            if (!before.TryGetValue(dep.Path, out var old)) return isCode ? "code not recorded" : $"new input: {dep.Path}";
            if (old != dep.Info?.Hash) return isCode ? "code changed" : $"input changed: {dep.Path}";
        }
        var removed = before.Keys.Except(current.Deps.Select(d => d.Path)).Order(StringComparer.Ordinal).FirstOrDefault();
        return removed is null ? null : $"input removed: {removed}";
    }

    private static string? ChangedParam(StageLock current, StageLock recorded)
    {
        var before = Flatten(recorded);
        var now = Flatten(current);
        foreach (var (key, value) in now)
        {
            if (!before.TryGetValue(key, out var old)) return $"new param: {key}";
            if (old != value) return $"param changed: {key} ({Short(old)} → {Short(value)})";
        }
        var removed = before.Keys.Except(now.Keys).Order(StringComparer.Ordinal).FirstOrDefault();
        return removed is null ? null : $"param removed: {removed}";
    }

    // NOTE: values compare by their canonical JSON, so 0.1 in YAML equals 0.1 whatever its spelling, as in DVC;
    // sections are compared leaf by leaf so the reason names the key that changed (train.budget, not train).
    private static Dictionary<string, string> Flatten(StageLock entry)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in entry.Params)
            foreach (var (key, value) in file.Values)
                AddLeaves(leaves, file.File == "params.yaml" ? key : $"{file.File}:{key}", value);
        return leaves;
    }

    private static void AddLeaves(Dictionary<string, string> leaves, string path, object? value)
    {
        if (value is OrderedMap map && map.Count > 0)
            foreach (var (key, nested) in map) AddLeaves(leaves, $"{path}.{key}", nested);
        else leaves[path] = PythonJson.Dumps(value);
    }

    private static string? ChangedOutput(IReadOnlyDictionary<string, OutputState> outputs)
    {
        foreach (var (path, state) in outputs.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            switch (state)
            {
                case OutputState.Missing: return $"output missing: {path}";
                case OutputState.Modified: return $"output modified: {path}";
                case OutputState.NotRecorded: return $"new output: {path}";
            }
        }
        return null;
    }

    private static string Short(string json) => json.Length <= 40 ? json : json[..37] + "...";
}
