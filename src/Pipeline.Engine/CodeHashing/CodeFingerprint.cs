using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.CodeHashing;

/// <summary>
/// The result: one hash, and the listing it is the md5 of. The listing has one line per reached method
/// ("&lt;md5 of its normalized IL&gt; &lt;stable signature&gt;"), plus one "[shape]" line per own data type used
/// through reflection and one "[assembly]" line per outside assembly referenced; lines are sorted ordinal, each ends in "\n".
/// </summary>
internal sealed record CodeFingerprintResult(ContentHash Hash, string Listing);

/// <summary>Hashes the normalized IL of every method reachable from a target's actions inside the repository's own assemblies.</summary>
internal static class CodeFingerprint
{
    /// <summary>
    /// Walks from <paramref name="roots"/> (the methods of a target's action delegates) through every method of an
    /// assembly for which <paramref name="isOwnAssembly"/> holds, and hashes what it reached. See CodeHashing/README.md.
    /// String literals containing <paramref name="sourceRoot"/> (the repository's directory) are hashed with it replaced.
    /// </summary>
    public static CodeFingerprintResult Compute(IReadOnlyList<MethodInfo> roots, Func<Assembly, bool> isOwnAssembly, string? sourceRoot = null)
    {
        var reach = new CodeReach(isOwnAssembly, sourceRoot);
        reach.Walk(roots);
        // NOTE: sorted by what follows the hash (the signature), so a changed method keeps its place and
        // `git diff .nuke/code/` shows exactly which methods changed.
        reach.Lines.Sort((a, b) => string.CompareOrdinal(a[(a.IndexOf(' ') + 1)..], b[(b.IndexOf(' ') + 1)..]) is var c && c != 0 ? c : string.CompareOrdinal(a, b));
        var listing = new StringBuilder();
        foreach (var line in reach.Lines) listing.Append(line).Append('\n');
        var text = listing.ToString();
        return new CodeFingerprintResult(ContentHash.FromMd5Bytes(MD5.HashData(Encoding.UTF8.GetBytes(text))), text);
    }
}
