using System.Text;
using LibGit2Sharp;
using Pipeline.Git.Registry;

namespace Pipeline.Git.Diffs;

/// <summary>Reads repository files as they are at one revision (from the git tree) or in the workspace (from disk).</summary>
internal sealed class RevisionReader
{
    private readonly Repository _repository;
    private readonly Commit? _commit;

    private readonly string _prefix;

    private RevisionReader(Repository repository, Commit? commit, string label, string prefix)
    {
        _repository = repository;
        _commit = commit;
        _prefix = prefix;
        Label = label;
    }

    /// <summary>The name shown in tables: the revision as the user wrote it, or <c>workspace</c>.</summary>
    public string Label { get; }

    /// <summary>
    /// A reader for <paramref name="rev"/> (<c>HEAD~1</c>, a tag, branch or SHA); null or "workspace" reads the working tree.
    /// <paramref name="prefix"/> is the pipeline root inside the repository ("" or <c>sub/dir/</c>).
    /// </summary>
    public static RevisionReader For(Repository repository, string? rev, string prefix = "") =>
        rev is null or "workspace"
            ? new RevisionReader(repository, null, "workspace", prefix)
            : new RevisionReader(repository, GitRevision.ResolveCommit(repository, rev), rev, prefix);

    /// <summary>A reader for a known commit, labelled <paramref name="label"/>.</summary>
    public static RevisionReader For(Repository repository, Commit commit, string label, string prefix = "") =>
        new(repository, commit, label, prefix);

    /// <summary>The text of a pipeline-relative path ('/'-separated), or null when absent at this revision.</summary>
    public string? Read(string relativePath)
    {
        relativePath = _prefix + relativePath;
        if (_commit is null)
        {
            var root = _repository.Info.WorkingDirectory
                ?? throw new InvalidOperationException("A bare repository has no workspace; compare two revisions instead.");
            var full = Path.Combine(root, relativePath);
            return File.Exists(full) ? File.ReadAllText(full, Encoding.UTF8) : null;
        }
        if (_commit[relativePath]?.Target is not Blob blob) return null;
        using var reader = new StreamReader(blob.GetContentStream(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
