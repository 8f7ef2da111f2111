using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>
/// The README's own flow on a hostile clone: <c>./build.sh Pull</c> with a .dvc file whose path climbs out of the
/// repository refuses it with one line naming the file and the path, and a checksum listing of a directory beside
/// the repository is unchanged.
/// </summary>
[Collection(ReferenceCollection.Name)]
public sealed class HostilePullTests(ReferenceTemplate template) : IDisposable
{
    private readonly TestRepository _repo = template.CreateCopy();
    private readonly DirectoryInfo _remote = Directory.CreateTempSubdirectory("pipeline-remote-");

    public void Dispose()
    {
        new TestRepository(_remote.FullName, owned: true).Dispose();
        var sibling = new DirectoryInfo(_repo.Root + "-sibling");
        if (sibling.Exists) sibling.Delete(recursive: true);
        _repo.Dispose();
    }

    [Fact]
    public void Pull_DvcFileNamingAPathOutsideTheRepository_RefusedAndNothingOutsideChanges()
    {
        var sibling = Directory.CreateDirectory(_repo.Root + "-sibling");
        File.WriteAllText(Path.Combine(sibling.FullName, "file.txt"), "precious");
        var payload = Encoding.UTF8.GetBytes("attacker's bytes");
        var md5 = Convert.ToHexStringLower(MD5.HashData(payload));
        var remoteObject = Path.Combine(_remote.FullName, "files", "md5", md5[..2], md5[2..]);
        Directory.CreateDirectory(Path.GetDirectoryName(remoteObject)!);
        File.WriteAllBytes(remoteObject, payload);
        _repo.Write(".dvc/config", $"[core]\n    remote = local\n['remote \"local\"']\n    url = {_remote.FullName}\n");
        var hostile = $"../../{sibling.Name}/file.txt";
        _repo.Write("data/evil.dvc", $"outs:\n- md5: {md5}\n  size: {payload.Length}\n  hash: md5\n  path: {hostile}\n");
        var before = Listing(sibling.FullName);

        var pull = _repo.Run("Pull");

        Assert.Equal(before, Listing(sibling.FullName));
        Assert.Equal(1, pull.ExitCode);
        Assert.Contains($"data/evil.dvc names the path '{hostile}', which is outside the repository", pull.Stdout);
        Assert.DoesNotContain("   at ", pull.Output);
    }

    private static string Listing(string dir) => string.Join('\n',
        Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(dir, p) + " " + (File.Exists(p) ? Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(p))) : "dir"))
            .Order(StringComparer.Ordinal));
}
