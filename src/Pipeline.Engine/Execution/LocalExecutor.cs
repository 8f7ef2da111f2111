namespace Pipeline.Engine.Execution;

/// <summary>The default executor: a target's actions run in this process, as they always have.</summary>
internal sealed class LocalExecutor : ITargetExecutor
{
    public static LocalExecutor Instance { get; } = new();

    public string Name => "local";

    public async Task<Placement> ExecuteAsync(TargetJob job, CancellationToken cancellation)
    {
        await job.RunInProcessAsync();
        return Placement.InProcess;
    }

    public void Dispose()
    {
    }
}
