namespace Pipeline.Git.Reproduce;

/// <summary>Options of <see cref="Reproducer.Run"/>.</summary>
public sealed class ReproduceOptions
{
    /// <summary>The DVC remote to pull missing <c>.dvc</c>-tracked data from (the default remote when null).</summary>
    public string? Remote { get; init; }
}
