namespace Pipeline.Git.Remotes;

/// <summary>The result for one output's object (for a directory: its manifest and every file in it).</summary>
internal enum ObjectSetOutcome
{
    /// <summary>Everything is at the destination.</summary>
    Complete,

    /// <summary>Some part is missing at the source (or corrupted there, which push treats alike).</summary>
    Missing,

    /// <summary>Some part was refused because its bytes did not match (pull).</summary>
    Corrupted,

    /// <summary>Some transfer failed.</summary>
    Failed,
}
