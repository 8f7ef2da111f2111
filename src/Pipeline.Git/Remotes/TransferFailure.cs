namespace Pipeline.Git.Remotes;

/// <summary>One object that could not be moved: its hash, where it was (remote URL or cache path) and why.</summary>
public sealed record TransferFailure(string Hash, string Location, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Hash} ({Location}): {Reason}";
}
