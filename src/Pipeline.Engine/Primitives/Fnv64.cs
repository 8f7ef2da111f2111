using System.Text;

namespace Pipeline.Engine.Primitives;

/// <summary>
/// FNV-1a, 64 bits, as 16 hex digits: a cheap, stable fingerprint for local cache keys (never for content
/// addressing, which is md5 as DVC requires). It costs no crypto-library start-up on the no-op path.
/// </summary>
internal static class Fnv64
{
    public static string Of(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
