using Pipeline.Engine.Primitives;

namespace Pipeline.Git.Registry;

/// <summary>A version as the tags hold it: its name (<c>v1.2.3</c>, or a commit SHA for an assignment on an unregistered commit) and its commit.</summary>
/// <param name="Name">The version as written in tags (<c>v1.2.3</c>) or the commit SHA when the version is implicit.</param>
/// <param name="CommitSha">The full SHA of the commit that produced the model.</param>
public sealed record TaggedVersion(string Name, string CommitSha)
{
    /// <summary>The parsed version, or null for an implicit (SHA-named) one.</summary>
    public ModelVersion? Version => ModelVersion.TryParse(Name, out var v) ? v : null;
}
