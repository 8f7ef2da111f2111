namespace Pipeline.Git.Registry;

/// <summary>A model version: its name (<c>v1.2.3</c>, or a commit SHA for an assignment on an unregistered commit) and its commit.</summary>
/// <param name="Name">The version as written in tags (<c>v1.2.3</c>) or the commit SHA when the version is implicit.</param>
/// <param name="CommitSha">The full SHA of the commit that produced the model.</param>
public sealed record ModelVersion(string Name, string CommitSha)
{
    /// <summary>The parsed SemVer, or null for an implicit (SHA-named) version.</summary>
    public SemVer? SemVer => SemVer.TryParse(Name, out var v) && Name.StartsWith('v') ? v : null;
}
