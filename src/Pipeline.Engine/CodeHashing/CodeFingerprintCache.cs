using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.CodeHashing;

/// <summary>
/// Code fingerprints of targets, kept in <c>.nuke/temp/code-hashes.json</c> keyed by the module version ids of
/// the own assemblies on disk: while the build is not recompiled, no IL is read again.
/// </summary>
internal sealed class CodeFingerprintCache(string file, OwnAssemblies own)
{
    private sealed record Stored(string Key, Dictionary<string, string> Listings);

    public IReadOnlyDictionary<string, CodeFingerprintResult> Get(IReadOnlyDictionary<string, IReadOnlyList<MethodInfo>> roots)
    {
        var key = own.Key();
        var stored = Load();
        var listings = stored?.Key == key ? stored.Listings : [];
        var result = new Dictionary<string, CodeFingerprintResult>();
        var changed = false;
        foreach (var (target, methods) in roots)
        {
            if (!listings.TryGetValue(target, out var listing))
            {
                listing = CodeFingerprint.Compute(methods, own.Contains).Listing;
                listings[target] = listing;
                changed = true;
            }
            result[target] = new CodeFingerprintResult(ContentHash.FromMd5Bytes(MD5.HashData(Encoding.UTF8.GetBytes(listing))), listing);
        }
        if (changed) Save(new Stored(key, listings));
        return result;
    }

    private Stored? Load()
    {
        try { return File.Exists(file) ? JsonSerializer.Deserialize<Stored>(File.ReadAllText(file)) : null; }
        catch (JsonException) { return null; }
    }

    private void Save(Stored stored)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + $".{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(stored));
        File.Move(temp, file, overwrite: true);
    }
}
