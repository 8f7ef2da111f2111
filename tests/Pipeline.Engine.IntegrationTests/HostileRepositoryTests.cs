using System.Security.Cryptography;

namespace Pipeline.Engine.IntegrationTests;

/// <summary>
/// A repository whose run-cache entries name paths outside it, and Track arguments that lead outside it: a checksum
/// listing of a directory beside the repository is the same before and after every run.
/// </summary>
[Collection(TemplateCollection.Name)]
public sealed class HostileRepositoryTests : IDisposable
{
    private readonly TestRepository _repo;
    private readonly DirectoryInfo _sibling;

    public HostileRepositoryTests(TemplateRepository template)
    {
        _repo = template.CreateCopy();
        _sibling = Directory.CreateDirectory(_repo.Root + "-sibling");
        File.WriteAllText(Path.Combine(_sibling.FullName, "file.txt"), "precious");
        Directory.CreateDirectory(Path.Combine(_sibling.FullName, "data"));
        File.WriteAllText(Path.Combine(_sibling.FullName, "data", "keep.csv"), "a,b\n1,2\n");
    }

    public void Dispose()
    {
        _sibling.Delete(recursive: true);
        _repo.Dispose();
    }

    private string Sibling => "../" + _sibling.Name;

    /// <summary>Every file and directory beside the repository, with the md5 of each file's bytes, sorted.</summary>
    private string Listing() => string.Join('\n',
        Directory.EnumerateFileSystemEntries(_sibling.FullName, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(_sibling.FullName, p) + " " + (File.Exists(p) ? Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(p))) : "dir"))
            .Order(StringComparer.Ordinal));

    /// <summary>Rewrites the one run-cache entry that records <paramref name="output"/>, so it names <paramref name="hostile"/> instead.</summary>
    private void Tamper(string output, string hostile)
    {
        var entry = Directory.EnumerateFiles(_repo.PathOf(".dvc/cache/runs"), "*", SearchOption.AllDirectories)
            .Single(f => File.ReadAllText(f).Contains($"path: {output}\n", StringComparison.Ordinal));
        File.WriteAllText(entry, File.ReadAllText(entry).Replace($"path: {output}\n", $"path: {hostile}\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_RunCacheEntriesNamingPathsOutside_RerunInsteadAndChangeNothingOutside()
    {
        Assert.True(_repo.Run("Prepare", "Side").ExitCode == 0);
        Tamper("out/prepared.txt", Sibling + "/file.txt");
        Tamper("out/side", Sibling + "/data");
        var original = _repo.Read("input/raw.txt");
        _repo.Write("input/raw.txt", "something else\n");
        _repo.Write("input/side/a.txt", "z\n");
        Assert.True(_repo.Run("Prepare", "Side").ExitCode == 0);
        _repo.Write("input/raw.txt", original);
        _repo.Write("input/side/a.txt", "a\n");
        var before = Listing();

        var result = _repo.Run("Prepare", "Side");

        Assert.Equal(before, Listing());
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("executed", _repo.Statuses()["Prepare"]);
        Assert.Equal("executed", _repo.Statuses()["Side"]);
        Assert.Contains("does not match its key", result.Stdout);
        Assert.Equal("HELLO WORLD\n!", _repo.Read("out/prepared.txt"));
    }

    [Fact]
    public void Track_PathsLeadingOutside_RefusedAndChangeNothingOutside()
    {
        Directory.CreateSymbolicLink(_repo.PathOf("linked"), _sibling.FullName);
        var before = Listing();

        var climbing = _repo.Run("Track", Sibling + "/file.txt");
        var absolute = _repo.Run("Track", Path.Combine(_sibling.FullName, "file.txt"));
        var linked = _repo.Run("Track", "linked/data");

        Assert.Equal(before, Listing());
        Assert.Equal(2, climbing.ExitCode);
        Assert.Contains("is outside the repository", climbing.Stderr);
        Assert.Equal(2, absolute.ExitCode);
        Assert.Contains("is outside the repository", absolute.Stderr);
        Assert.DoesNotContain("does not exist", absolute.Stderr);
        Assert.Equal(2, linked.ExitCode);
        Assert.Contains("symbolic link 'linked'", linked.Stderr);
    }

    [Fact]
    public void Track_PipelineFiles_RefusedAndNotGitIgnored()
    {
        foreach (var file in new[] { "dvc.lock", "params.yaml", ".nuke/parameters.json" })
        {
            if (file == "dvc.lock") _repo.Write("dvc.lock", "schema: '2.0'\nstages: {}\n");

            var result = _repo.Run("Track", file);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("is one of the pipeline's own files", result.Stderr);
            Assert.False(File.Exists(_repo.PathOf(file + ".dvc")));
        }
        Assert.False(File.Exists(_repo.PathOf(".gitignore")));
    }
}
