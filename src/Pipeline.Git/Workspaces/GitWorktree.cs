using System.Diagnostics;
using Pipeline.Engine.Failures;

namespace Pipeline.Git.Workspaces;

/// <summary>
/// A detached <c>git worktree</c> of one commit in a temp folder; disposing removes it and prunes git's record of it.
/// NOTE: the git command line is used because LibGit2Sharp's Worktrees.Add always creates a branch.
/// </summary>
internal sealed class GitWorktree : IDisposable
{
    private readonly string _gitRoot;
    private readonly DirectoryInfo _parent;

    private GitWorktree(string gitRoot, DirectoryInfo parent, string path)
    {
        _gitRoot = gitRoot;
        _parent = parent;
        Path = path;
    }

    /// <summary>The worktree's root folder.</summary>
    public string Path { get; }

    /// <summary>Checks out <paramref name="commitSha"/> detached into a new folder under <paramref name="parentDirectory"/> (default: the system temp folder).</summary>
    public static GitWorktree Add(string gitRoot, string commitSha, string? parentDirectory = null)
    {
        var parent = parentDirectory is null
            ? Directory.CreateTempSubdirectory("pipeline-worktree-")
            : Directory.CreateDirectory(System.IO.Path.Combine(parentDirectory, "pipeline-worktree-" + System.IO.Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal)));
        var path = System.IO.Path.Combine(parent.FullName, commitSha[..12]);
        try
        {
            Git(gitRoot, "worktree", "add", "--detach", path, commitSha);
        }
        catch
        {
            parent.Delete(recursive: true);
            throw;
        }
        return new GitWorktree(gitRoot, parent, path);
    }

    /// <summary>Files that differ from the commit, new ones included (not those git ignores), relative to the root with '/'.</summary>
    public IReadOnlyList<string> ChangedFiles() => ChangedFiles(Path);

    /// <summary>The files of the working tree at <paramref name="root"/> that differ from its commit: modified, added or untracked and not ignored (deleted ones are left out).</summary>
    public static IReadOnlyList<string> ChangedFiles(string root)
    {
        // NOTE: -z keeps names verbatim (no quoting); each entry is "XY path", a rename adds its old path as the next entry.
        var entries = Git(root, "status", "--porcelain", "-z", "--untracked-files=all").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var files = new List<string>();
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry[0] is 'R' or 'C') i++;
            if (entry.Length > 3 && entry[0] != 'D' && entry[1] != 'D') files.Add(entry[3..]);
        }
        return files;
    }

    /// <summary>Removes the worktree folder and git's administrative entry for it.</summary>
    public void Dispose()
    {
        try
        {
            Git(_gitRoot, "worktree", "remove", "--force", "--force", Path);
        }
        catch (RepositoryStateException)
        {
            // NOTE: the folder is deleted below either way; prune then drops git's stale record.
        }
        if (_parent.Exists) _parent.Delete(recursive: true);
        Git(_gitRoot, "worktree", "prune");
    }

    private static string Git(string gitRoot, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(gitRoot);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new RepositoryStateException("Could not start `git`; install git and put it on PATH.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new RepositoryStateException($"`git {string.Join(' ', args)}` failed (exit {process.ExitCode}): {error.Trim()}");
        return output.GetAwaiter().GetResult();
    }
}
