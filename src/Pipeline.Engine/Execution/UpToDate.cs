namespace Pipeline.Engine.Execution;

/// <summary>The shared wording of the up-to-date verdict.</summary>
internal static class UpToDate
{
    public const string Reason = "up to date";
}
