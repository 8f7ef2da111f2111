using System.Globalization;
using System.Security.Cryptography;

namespace Pipeline.Git.Bench;

/// <summary>
/// A DVC repository holding <c>files</c> seeded random files, each tracked by its own <c>.dvc</c> file and stored in
/// the cache (DVC 3 layout); nothing in the workspace, since push reads the cache.
/// </summary>
internal sealed class Dataset
{
    private Dataset(string root, IReadOnlyList<string> objectKeys)
    {
        Root = root;
        ObjectKeys = objectKeys;
    }

    public string Root { get; }

    /// <summary>The objects' keys relative to the cache (and to a remote): <c>files/md5/xx/…</c>.</summary>
    public IReadOnlyList<string> ObjectKeys { get; }

    public string CacheRoot => Path.Combine(Root, ".dvc", "cache");

    public static Dataset Create(string root, int files, long totalBytes)
    {
        Directory.CreateDirectory(Path.Combine(root, ".dvc"));
        Directory.CreateDirectory(Path.Combine(root, "data"));
        var size = (int)(totalBytes / files);
        var keys = new string[files];
        Parallel.For(0, files, i =>
        {
            var bytes = new byte[size];
            new Random(i).NextBytes(bytes);
            var md5 = Convert.ToHexStringLower(MD5.HashData(bytes));
            keys[i] = $"files/md5/{md5[..2]}/{md5[2..]}";
            var cached = Path.Combine(root, ".dvc", "cache", "files", "md5", md5[..2], md5[2..]);
            Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
            File.WriteAllBytes(cached, bytes);
            var name = $"f{i.ToString("D5", CultureInfo.InvariantCulture)}.bin";
            File.WriteAllText(Path.Combine(root, "data", name + ".dvc"), $"outs:\n- md5: {md5}\n  size: {size}\n  hash: md5\n  path: {name}\n");
        });
        return new Dataset(root, keys);
    }

    /// <summary>A repository with the same .dvc files and an empty cache, for pulling into.</summary>
    public string CloneWithoutCache(string root)
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(Path.Combine(root, ".dvc"));
        Directory.CreateDirectory(Path.Combine(root, "data"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "data"), "*.dvc"))
            File.Copy(file, Path.Combine(root, "data", Path.GetFileName(file)));
        return root;
    }

    /// <summary>Points the repository at <c>root</c>'s default remote.</summary>
    public static void ConfigureRemote(string root, string remoteSection)
    {
        File.WriteAllText(Path.Combine(root, ".dvc", "config"), "[core]\n    remote = bench\n['remote \"bench\"']\n" + remoteSection);
    }
}
