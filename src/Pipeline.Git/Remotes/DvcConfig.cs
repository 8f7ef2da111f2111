using Pipeline.Engine.Failures;

namespace Pipeline.Git.Remotes;

/// <summary>The repository's merged DVC config: <c>.dvc/config</c> overridden by <c>.dvc/config.local</c>.</summary>
public sealed class DvcConfig
{
    private readonly DvcConfigFile _repo;
    private readonly DvcConfigFile _local;
    private readonly string _dvcDir;

    private DvcConfig(string dvcDir, DvcConfigFile repo, DvcConfigFile local)
    {
        _dvcDir = dvcDir;
        _repo = repo;
        _local = local;
    }

    /// <summary>Reads both files of the repository at <paramref name="repoRoot"/> (absent files are empty).</summary>
    public static DvcConfig Load(string repoRoot)
    {
        var dvcDir = Path.Combine(Path.GetFullPath(repoRoot), ".dvc");
        return new DvcConfig(dvcDir, DvcConfigFile.Load(Path.Combine(dvcDir, "config")), DvcConfigFile.Load(Path.Combine(dvcDir, "config.local")));
    }

    /// <summary>The merged value of <c>section.key</c>; config.local wins.</summary>
    public string? Get(string section, string key) => _local.Get(section, key) ?? _repo.Get(section, key);

    /// <summary>The cache root: <c>cache.dir</c> (relative to <c>.dvc</c>) or <c>.dvc/cache</c>.</summary>
    public string CacheRoot => Get("cache", "dir") is { } dir ? ResolvePath(dir) : Path.Combine(_dvcDir, "cache");

    /// <summary>The default remote (<c>core.remote</c>), or null.</summary>
    public string? DefaultRemote => Get("core", "remote");

    /// <summary>
    /// The settings of remote <paramref name="name"/> (the default remote when null). Throws <see cref="UsageException"/>
    /// naming the configured remotes when it is not configured.
    /// </summary>
    internal RemoteSettings Remote(string? name)
    {
        var known = RemoteNames();
        name ??= DefaultRemote ?? throw new UsageException(
            "No default DVC remote. Add one with `dvc remote add -d <name> <url>` (writes [core] remote in .dvc/config)" +
            (known.Count > 0 ? $"; configured remotes: {string.Join(", ", known)}." : "."));
        var section = DvcConfigFile.RemoteSection(name);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in _repo.Entries(section)) values[k] = v;
        foreach (var (k, v) in _local.Entries(section)) values[k] = v;
        if (!values.TryGetValue("url", out var url))
            throw new UsageException($"DVC remote '{name}' is not configured (no url in .dvc/config). Known remotes: {(known.Count > 0 ? string.Join(", ", known) : "none")}.");
        var resolved = DvcConfigFile.HasScheme(url) ? url : ResolvePath(url);
        return new RemoteSettings(name, resolved, values);
    }

    /// <summary>The names of every configured remote, in file order.</summary>
    public IReadOnlyList<string> RemoteNames() =>
        _repo.SectionNames.Concat(_local.SectionNames)
            .Where(s => s.StartsWith("remote \"", StringComparison.Ordinal) && s.EndsWith('"'))
            .Select(s => s["remote \"".Length..^1])
            .Distinct()
            .ToList();

    private string ResolvePath(string path) => Path.GetFullPath(Path.Combine(_dvcDir, path.Replace('/', Path.DirectorySeparatorChar)));
}
