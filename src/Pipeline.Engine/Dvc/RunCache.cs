namespace Pipeline.Engine.Dvc;

/// <summary>DVC's run-cache (<c>.dvc/cache/runs/&lt;k[:2]&gt;/&lt;k&gt;/&lt;v&gt;</c>, dvc-format.md §10).</summary>
internal sealed class RunCache(string cacheRoot)
{
    public string Root => cacheRoot;

    /// <summary>The (key, value) sha256 pair of a lock entry, exactly as DVC computes them.</summary>
    public static (string Key, string Value) KeyOf(StageLock entry) => throw new NotImplementedException("STUB: helper B");

    /// <summary>Stores the entry (YAML, temp file then rename).</summary>
    public void Save(StageLock entry) => throw new NotImplementedException();

    /// <summary>Finds the newest entry whose key matches <paramref name="probe"/> (its outs' hashes are ignored); corrupt entries are deleted with a warning.</summary>
    public StageLock? TryFind(StageLock probe, Action<string>? warn = null) => throw new NotImplementedException();
}
