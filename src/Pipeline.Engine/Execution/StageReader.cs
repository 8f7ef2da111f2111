using Pipeline.Engine.Dvc;
using Pipeline.Engine.Planning;
using Pipeline.Engine.Primitives;
using Pipeline.Engine.Serialization;

namespace Pipeline.Engine.Execution;

/// <summary>Reads a target's current state from disk: the lock entry it would have now (deps hashed, params read) and its outputs' states.</summary>
internal sealed class StageReader(RunServices services)
{
    private const string ParamsFileName = "params.yaml";

    /// <summary>The entry as it would be written now, with outputs not yet hashed.</summary>
    public StageLock Current(TargetSpec spec)
    {
        var optional = spec.OptionalInputs.Select(RepoPath.Normalize).ToHashSet();
        var inputs = services.Inputs.ResolveAll(spec);
        var missing = inputs.Where(p => !File.Exists(Path.Combine(services.Layout.Root, p)) && !Directory.Exists(Path.Combine(services.Layout.Root, p))).ToHashSet();
        if (missing.FirstOrDefault(p => !optional.Contains(p)) is { } absent)
            throw new TargetCheckException($"Input '{absent}' of {spec.Name} does not exist. Create it, or declare the target that writes it as an output producer.");
        var present = inputs.Where(p => !missing.Contains(p)).ToList();
        var hashed = services.Hasher.HashAll(present.Select(p => Path.Combine(services.Layout.Root, p)).ToList());
        var deps = present.Zip(hashed, (p, h) => new LockedPath(p, h.Info)).Concat(missing.Select(p => new LockedPath(p, null))).ToList();
        if (services.Code.TryGetValue(spec.Name, out var code))
            deps.Add(new LockedPath(RepositoryLayout.CodeFileOf(spec.Name), new HashInfo(code.Hash, System.Text.Encoding.UTF8.GetByteCount(code.Listing))));
        var outs = spec.AllOutputs.Select(o => new LockedPath(RepoPath.Normalize(o), null)).ToList();
        return new StageLock(StageCommand.For(spec.Name), deps, ReadParams(spec), outs);
    }

    /// <summary>How each declared output compares with what dvc.lock recorded.</summary>
    public Dictionary<string, OutputState> Outputs(TargetSpec spec, StageLock? recorded)
    {
        var states = new Dictionary<string, OutputState>();
        foreach (var path in spec.AllOutputs.Select(RepoPath.Normalize))
        {
            var info = recorded?.Outs.FirstOrDefault(o => o.Path == path)?.Info;
            var abs = Path.Combine(services.Layout.Root, path);
            if (info is null) states[path] = OutputState.NotRecorded;
            else if (!File.Exists(abs) && !Directory.Exists(abs))
                states[path] = services.Cache.IsIntact(info) ? OutputState.Restorable : OutputState.Missing;
            else states[path] = services.Hasher.Hash(abs).Info.Hash == info.Hash ? OutputState.Unchanged : OutputState.Modified;
        }
        return states;
    }

    private IReadOnlyList<ParamsLock> ReadParams(TargetSpec spec)
    {
        if (spec.Params.Count == 0) return [];
        var values = new OrderedMap();
        foreach (var key in spec.Params)
        {
            if (!services.Params.TryGet(key, out var value))
                throw new TargetCheckException($"{spec.Name} declares param '{key}' but params.yaml has no such key. Add it to params.yaml (or pass --set {key}=<value>), or remove it from .Params(...).");
            values[key] = value;
        }
        return [new ParamsLock(ParamsFileName, values)];
    }
}
