using System.Security.Cryptography;
using System.Text;
using Pipeline.Engine.Serialization;
using YamlDotNet.Core;
using Pipeline.Formats.IO;

namespace Pipeline.Engine.Dvc;

/// <summary>DVC's run-cache (<c>.dvc/cache/runs/&lt;k[:2]&gt;/&lt;k&gt;/&lt;v&gt;</c>, docs/dvc-format.md §10).</summary>
public sealed class RunCache(string cacheRoot)
{
    private static readonly string[] Excluded = ["size", "nfiles"];

    public string Root => cacheRoot;

    /// <summary>The (key, value) sha256 pair of a lock entry, exactly as DVC computes them.</summary>
    public static (string Key, string Value) KeyOf(StageLock entry)
    {
        var value = Sha256(Filter(entry.ToTree()));
        // NOTE: the key hashes the same entry with outs reduced to their paths (a list of strings), so outputs' hashes don't matter.
        var keyTree = entry.ToTree();
        keyTree["outs"] = entry.Outs.Select(o => o.Path).Order(CodePointComparer.Instance).Select(object? (p) => p).ToList();
        return (Sha256(Filter(keyTree)), value);
    }

    /// <summary>The directory holding every entry saved under <paramref name="key"/>.</summary>
    public string KeyDirectory(string key) => Path.Combine(cacheRoot, "runs", key[..2], key);

    /// <summary>Stores the entry (YAML, temp file then rename); an existing identical entry is left as it is.</summary>
    public void Save(StageLock entry)
    {
        var (key, value) = KeyOf(entry);
        var path = Path.Combine(KeyDirectory(key), value);
        if (File.Exists(path)) return;
        AtomicFile.WriteAllText(path, DvcYaml.Emit(entry.ToTree()));
    }

    /// <summary>
    /// Finds the newest entry whose key matches <paramref name="probe"/> (its outs' hashes are ignored). An entry is
    /// used only when its own content has that key, i.e. the same command, dependencies, params and output paths as
    /// the probe; corrupt entries and entries that do not match (a tampered or foreign file) are deleted with a warning.
    /// </summary>
    public StageLock? TryFind(StageLock probe, Action<string>? warn = null)
    {
        var key = KeyOf(probe).Key;
        var dir = KeyDirectory(key);
        if (!Directory.Exists(dir)) return null;
        var candidates = new DirectoryInfo(dir).GetFiles()
            .Where(f => IsSha256(f.Name))
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .ThenByDescending(f => f.Name, StringComparer.Ordinal);
        foreach (var file in candidates)
        {
            StageLock entry;
            try
            {
                var tree = DvcYaml.Parse(File.ReadAllText(file.FullName));
                entry = StageLock.FromTree(TreeValues.Map(tree, "run-cache entry"));
            }
            catch (Exception e) when (e is FormatException or YamlException)
            {
                warn?.Invoke($"Corrupted run-cache entry '{file.FullName}' removed: {e.Message}");
                TryDelete(file);
                continue;
            }
            if (KeyOf(entry).Key == key) return entry;
            warn?.Invoke($"Run-cache entry '{file.FullName}' does not match its key (it records the outputs " +
                $"{string.Join(", ", entry.Outs.Select(o => $"'{o.Path}'"))} for another command, inputs or params); removed, not restored.");
            TryDelete(file);
        }
        return null;
    }

    /// <summary>
    /// True when <paramref name="relativeKey"/> (a remote listing's key, '/'-separated) names a run-cache entry in DVC's
    /// layout, <c>runs/&lt;k[:2]&gt;/&lt;k&gt;/&lt;v&gt;</c> with sha256 hex <c>k</c> and <c>v</c>, and so a file inside the cache.
    /// </summary>
    public static bool IsEntryKey(string relativeKey)
    {
        var parts = relativeKey.Split('/');
        return parts is ["runs", var prefix, var key, var value] && IsSha256(key) && IsSha256(value) && key.StartsWith(prefix, StringComparison.Ordinal) && prefix.Length == 2;
    }

    private static void TryDelete(FileInfo file)
    {
        try
        {
            file.Delete();
        }
        catch (IOException)
        {
            // NOTE: a corrupt entry that can't be removed is still a miss; the next lookup warns again.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static bool IsSha256(string name) => name.Length == 64 && name.All(char.IsAsciiHexDigitLower);

    private static string Sha256(object? tree) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PythonJson.Dumps(tree, sortKeys: true))));

    /// <summary>DVC's <c>dict_filter</c>: drops keys named size/nfiles at any depth (params keys included — a DVC quirk).</summary>
    private static object? Filter(object? value) => value switch
    {
        OrderedMap map => FilterMap(map),
        System.Collections.IList list => list.Cast<object?>().Select(Filter).ToList(),
        _ => value,
    };

    private static OrderedMap FilterMap(OrderedMap map)
    {
        var result = new OrderedMap();
        foreach (var (k, v) in map)
            if (!Excluded.Contains(k)) result.Add(k, Filter(v));
        return result;
    }
}
