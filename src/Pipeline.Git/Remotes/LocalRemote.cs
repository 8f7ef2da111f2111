using Pipeline.Formats.IO;

namespace Pipeline.Git.Remotes;

/// <summary>A remote that is a directory (<c>url = /mnt/storage</c>): objects are plain files, placed by temp file then rename.</summary>
internal sealed class LocalRemote(string name, string root) : RemoteStore
{
    /// <summary>The remote directory.</summary>
    public string Root => root;

    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override string Describe(string key) => PathOf(key);

    /// <inheritdoc />
    public override Task CheckAsync(bool write, CancellationToken cancellation)
    {
        if (Directory.Exists(root)) return Task.CompletedTask;
        if (!write) throw new RemoteException($"Remote '{name}': the folder {root} does not exist. Push to it first, or fix its url in .dvc/config.");
        try
        {
            Directory.CreateDirectory(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RemoteException($"Remote '{name}': cannot create the folder {root} ({e.Message}). Fix its url in .dvc/config or the folder's permissions.", e);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task<bool> ExistsAsync(string key, CancellationToken cancellation) => Task.FromResult(File.Exists(PathOf(key)));

    /// <inheritdoc />
    public override Task UploadAsync(string localFile, string key, CancellationToken cancellation)
    {
        AtomicFile.Copy(localFile, PathOf(key));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task<bool> DownloadAsync(string key, string localFile, CancellationToken cancellation)
    {
        var source = PathOf(key);
        if (!File.Exists(source)) return Task.FromResult(false);
        File.Copy(source, localFile);
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public override Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellation)
    {
        var dir = PathOf(prefix.TrimEnd('/'));
        if (!Directory.Exists(dir)) return Task.FromResult<IReadOnlyList<string>>([]);
        IReadOnlyList<string> keys = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Select(f => prefix + Path.GetRelativePath(dir, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(keys);
    }

    private string PathOf(string key) => Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));
}
