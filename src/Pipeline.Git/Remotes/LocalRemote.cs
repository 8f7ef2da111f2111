using System.Security.Cryptography;

namespace Pipeline.Git.Remotes;

/// <summary>A remote that is a directory (<c>url = /mnt/storage</c>): objects are plain files, placed by temp file then rename.</summary>
internal sealed class LocalRemote(string root) : RemoteStore
{
    /// <summary>The remote directory.</summary>
    public string Root => root;

    /// <inheritdoc />
    public override string Describe(string key) => PathOf(key);

    /// <inheritdoc />
    public override bool Exists(string key) => File.Exists(PathOf(key));

    /// <inheritdoc />
    public override void Upload(string localFile, string key)
    {
        var target = PathOf(key);
        var dir = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
        try
        {
            File.Copy(localFile, temp);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <inheritdoc />
    public override void Download(string key, string localFile) => File.Copy(PathOf(key), localFile);

    /// <inheritdoc />
    public override IReadOnlyList<string> List(string prefix)
    {
        var dir = PathOf(prefix.TrimEnd('/'));
        if (!Directory.Exists(dir)) return [];
        return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Select(f => prefix + Path.GetRelativePath(dir, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private string PathOf(string key) => Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));
}
