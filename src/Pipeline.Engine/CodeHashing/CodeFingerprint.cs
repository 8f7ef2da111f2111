using System.Reflection;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.CodeHashing;

/// <summary>The result: one hash, and the listing it is the md5 of (one line per method: "&lt;md5&gt; &lt;signature&gt;", sorted).</summary>
internal sealed record CodeFingerprintResult(ContentHash Hash, string Listing);

/// <summary>Hashes the normalized IL of every method reachable from a target's actions inside the repository's own assemblies.</summary>
internal static class CodeFingerprint
{
    public static CodeFingerprintResult Compute(IReadOnlyList<MethodInfo> roots, Func<Assembly, bool> isOwnAssembly) =>
        throw new NotImplementedException("STUB: helper C");
}
