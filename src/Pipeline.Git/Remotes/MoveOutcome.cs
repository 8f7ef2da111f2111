namespace Pipeline.Git.Remotes;

/// <summary>What happened to one object.</summary>
internal enum MoveOutcome
{
    /// <summary>Copied to the destination.</summary>
    Moved,

    /// <summary>The destination had it already.</summary>
    AlreadyThere,

    /// <summary>The source lacks it (the local cache on push, the remote on pull); nothing was written.</summary>
    Missing,

    /// <summary>The source's bytes do not match the hash; nothing was written.</summary>
    Corrupted,

    /// <summary>The transfer itself failed (reported).</summary>
    Failed,
}
