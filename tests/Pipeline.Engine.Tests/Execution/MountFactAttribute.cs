namespace Pipeline.Engine.Tests.Execution;

/// <summary>A fact that needs <see cref="TmpfsMount"/>; reported as skipped, with the reason, where mounting is not permitted.</summary>
internal sealed class MountFactAttribute : FactAttribute
{
    public MountFactAttribute()
    {
        if (TmpfsMount.WhyUnavailable is { } reason) Skip = reason;
    }
}
