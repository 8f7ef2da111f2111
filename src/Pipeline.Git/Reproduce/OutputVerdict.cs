namespace Pipeline.Git.Reproduce;

/// <summary>How a rerun output compares with the hash the revision's dvc.lock recorded.</summary>
public enum OutputVerdict
{
    /// <summary>Same md5: reproduced bit for bit.</summary>
    Match,

    /// <summary>A different md5: the stage is not deterministic, or depends on something outside its declared inputs.</summary>
    Different,

    /// <summary>The rerun recorded no hash for it (the stage failed, or no longer writes it).</summary>
    Missing,
}
