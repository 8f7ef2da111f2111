using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Primitives;

/// <summary>The one check for paths read from files (dvc.lock, .dvc files, run-cache entries) before anything is written there.</summary>
public readonly partial record struct RepoPath
{
    /// <summary>
    /// Resolves <paramref name="recorded"/>, written in <paramref name="source"/> relative to the repository directory
    /// <paramref name="baseDirectory"/> ("" for the root). Refuses, with a <see cref="RepositoryStateException"/> naming
    /// the file and the path, an absolute path, one that climbs out of the root, one of the pipeline's own files, and
    /// one that leads outside the root through a symbolic link.
    /// </summary>
    public static RepoPath FromRecorded(string recorded, string baseDirectory, string root, string source)
    {
        if (string.IsNullOrWhiteSpace(recorded)) throw Refused(recorded, source, "is empty");
        if (Path.IsPathRooted(recorded) || recorded.StartsWith('/') || recorded.StartsWith('\\'))
            throw Refused(recorded, source, $"is absolute (outside the repository {root})");
        RepoPath path;
        try
        {
            path = Parse(baseDirectory.Length == 0 ? recorded : $"{baseDirectory}/{recorded}");
        }
        catch (FormatException)
        {
            throw Refused(recorded, source, $"is outside the repository ({root})");
        }
        if (path.IsPipelineFile) throw Refused(recorded, source, "is " + PipelineFilesRule);
        try
        {
            path.ResolveInside(root);
        }
        catch (FormatException e)
        {
            throw Refused(recorded, source, "is outside the repository: " + e.Message);
        }
        return path;
    }

    private static RepositoryStateException Refused(string recorded, string source, string why) =>
        new($"{source} names the path '{recorded}', which {why}. Nothing was written there. Paths in a repository's files " +
            "must stay inside it: fix or remove that entry (git checkout -- the file, or delete it if it came from elsewhere).");
}
