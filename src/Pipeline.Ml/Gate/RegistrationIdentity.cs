using System.Text.Json;

namespace Pipeline.Ml.Gate;

/// <summary>
/// Whether a registered version folder holds the registration about to be made: the same file names with the same
/// bytes, and a lineage with the same inputs. The git commit and the registration time are not compared: they say when
/// and from where, not what, and a re-run after a killed Deploy differs in both.
/// </summary>
internal static class RegistrationIdentity
{
    /// <summary>True when <paramref name="versionDir"/> registered exactly <paramref name="sources"/> with <paramref name="lineage"/>'s inputs.</summary>
    public static bool Matches(string versionDir, IReadOnlyList<string> sources, Lineage lineage)
    {
        var lineagePath = Path.Combine(versionDir, RegistryFolder.LineageFile);
        if (!File.Exists(lineagePath)) return false;
        var registered = Directory.GetFiles(versionDir).Select(Path.GetFileName).Where(n => n != RegistryFolder.LineageFile).Order(StringComparer.Ordinal);
        if (!registered.SequenceEqual(sources.Select(Path.GetFileName).Order(StringComparer.Ordinal))) return false;
        if (!SameInputs(versionDir, lineage.InputHashes)) return false;
        return sources.All(file => SameBytes(file, Path.Combine(versionDir, Path.GetFileName(file))));
    }

    private static bool SameInputs(string versionDir, IReadOnlyDictionary<string, string> inputs)
    {
        try
        {
            var recorded = RegisteredLineage.Read(versionDir).Inputs;
            return recorded is not null && recorded.Count == inputs.Count && recorded.All(p => inputs.TryGetValue(p.Key, out var hash) && p.Value == hash);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // NOTE: an unreadable lineage file cannot vouch for the version; a new one is registered instead.
            return false;
        }
    }

    private static bool SameBytes(string a, string b)
    {
        var (left, right) = (new FileInfo(a), new FileInfo(b));
        if (left.Length != right.Length) return false;
        using var x = left.OpenRead();
        using var y = right.OpenRead();
        var (bx, by) = (new byte[1 << 16], new byte[1 << 16]);
        while (true)
        {
            var n = x.ReadAtLeast(bx, bx.Length, throwOnEndOfStream: false);
            if (n == 0) return true;
            if (y.ReadAtLeast(by.AsSpan(0, n), n, throwOnEndOfStream: false) != n || !bx.AsSpan(0, n).SequenceEqual(by.AsSpan(0, n))) return false;
        }
    }
}
