using LibGit2Sharp;

namespace Pipeline.Git.Tests;

/// <summary>A real git repository in a temp directory, with a fixed identity and clock, deleted on dispose.</summary>
internal sealed class TestGitRepository : IDisposable
{
    /// <summary>The first commit/tag time; each commit advances one minute so history order is deterministic.</summary>
    public static readonly DateTimeOffset Epoch = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private int _ticks;

    public TestGitRepository()
    {
        Root = Directory.CreateTempSubdirectory("pipeline-git-").FullName;
        Repository.Init(Root);
        Repo = new Repository(Root);
        Repo.Config.Set("user.name", "Test User");
        Repo.Config.Set("user.email", "test@example.com");
        Repo.Config.Set("core.autocrlf", false);
    }

    /// <summary>The working tree root.</summary>
    public string Root { get; }

    /// <summary>The open repository.</summary>
    public Repository Repo { get; }

    /// <summary>A signature at the next tick of the deterministic clock.</summary>
    public Signature NextSignature() => new("Test User", "test@example.com", Epoch.AddMinutes(_ticks++));

    /// <summary>Writes a file (creating directories) relative to the root, with '\n' line endings as given.</summary>
    public string Write(string relativePath, string content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Reads a file relative to the root.</summary>
    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>Stages the given paths (or everything) and commits them; returns the commit.</summary>
    public Commit Commit(string message, params string[] paths)
    {
        if (paths.Length == 0) Commands.Stage(Repo, "*");
        else foreach (var p in paths) Commands.Stage(Repo, p);
        var sig = NextSignature();
        return Repo.Commit(message, sig, sig, new CommitOptions { AllowEmptyCommit = true });
    }

    /// <summary>Writes files then commits them all.</summary>
    public Commit CommitFiles(string message, params (string Path, string Content)[] files)
    {
        foreach (var (path, content) in files) Write(path, content);
        return Commit(message, files.Select(f => f.Path).ToArray());
    }

    /// <summary>Creates a lightweight tag.</summary>
    public void LightweightTag(string name, string target = "HEAD") => Repo.Tags.Add(name, Repo.Lookup<Commit>(target));

    /// <summary>Creates an annotated tag with the next deterministic time.</summary>
    public void AnnotatedTag(string name, string message, string target = "HEAD") =>
        Repo.Tags.Add(name, Repo.Lookup<Commit>(target), NextSignature(), message);

    public void Dispose()
    {
        Repo.Dispose();
        foreach (var f in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            File.SetAttributes(f, FileAttributes.Normal);
        Directory.Delete(Root, recursive: true);
    }
}
