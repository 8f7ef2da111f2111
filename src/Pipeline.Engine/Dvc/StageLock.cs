using Pipeline.Engine.Primitives;
using Pipeline.Engine.Serialization;

namespace Pipeline.Engine.Dvc;

/// <summary>One path in a lock entry; <see cref="Info"/> is null when the path was missing.</summary>
internal sealed record LockedPath(string Path, HashInfo? Info);

/// <summary>The params one stage read from one params file: listed key (dotted, as declared) to value tree.</summary>
internal sealed record ParamsLock(string File, OrderedMap Values);

/// <summary>One stage's dvc.lock entry (schema 2.0): cmd, deps, params, outs (outs include metrics and plots).</summary>
internal sealed record StageLock(string Cmd, IReadOnlyList<LockedPath> Deps, IReadOnlyList<ParamsLock> Params, IReadOnlyList<LockedPath> Outs)
{
    /// <summary>The canonical tree (deps/outs sorted by path, params.yaml first, keys sorted) as dvc.lock holds it.</summary>
    public OrderedMap ToTree() => throw new NotImplementedException("STUB: helper B");

    public static StageLock FromTree(OrderedMap tree) => throw new NotImplementedException();
}
