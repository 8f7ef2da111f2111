using Pipeline.Engine.Dvc;

namespace Pipeline.Engine.Execution;

/// <summary>The state read for one target and the verdict on it; shared by <c>--plan</c> and by execution.</summary>
internal sealed record TargetCheck(StageLock Current, StageLock? Recorded, IReadOnlyDictionary<string, OutputState> Outputs, Verdict Verdict)
{
    /// <summary>Declared outputs that exist on disk now (so a rollback knows which were there before the run).</summary>
    public IReadOnlySet<string> ExistingOutputs => Outputs
        .Where(o => o.Value is OutputState.Unchanged or OutputState.Modified || (o.Value == OutputState.NotRecorded && ExistsNow(o.Key)))
        .Select(o => o.Key).ToHashSet();

    public string Root { get; init; } = "";

    private bool ExistsNow(string path) => File.Exists(Path.Combine(Root, path)) || Directory.Exists(Path.Combine(Root, path));
}
