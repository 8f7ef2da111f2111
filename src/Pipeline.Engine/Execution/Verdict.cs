namespace Pipeline.Engine.Execution;

/// <summary>What to do with a target and why.</summary>
internal enum VerdictKind
{
    Run,
    Skip,
    /// <summary>Up to date except that some outputs are missing and can be restored from the cache.</summary>
    Restore,
}

internal sealed record Verdict(VerdictKind Kind, string Reason)
{
    public static Verdict Run(string reason) => new(VerdictKind.Run, reason);
}
