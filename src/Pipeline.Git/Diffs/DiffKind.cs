namespace Pipeline.Git.Diffs;

/// <summary>What a <see cref="DiffReport"/> compares.</summary>
public enum DiffKind
{
    /// <summary><c>dvc metrics diff</c>: column title "Metric", with a Change column.</summary>
    Metrics,

    /// <summary><c>dvc params diff</c>: column title "Param", no Change column.</summary>
    Params,
}
