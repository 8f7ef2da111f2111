namespace Pipeline.Engine.Execution;

/// <summary>The shared wording of the up-to-date verdict.</summary>
internal static class UpToDate
{
    public const string Reason = "up to date";

    /// <summary>The reason given for a target without actions, which only groups its dependencies.</summary>
    public const string CollectiveReason = "collective target (no actions)";
}
