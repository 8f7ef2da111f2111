using System.Text;

namespace Pipeline.Serving.Rollouts;

/// <summary>
/// The stable bucket (0..99) of an entity key: FNV-1a 64 of its UTF-8 bytes, so one customer lands in the same
/// bucket on every replica and across restarts (string.GetHashCode is randomised per process).
/// </summary>
internal static class EntityHash
{
    /// <summary>The key's bucket in 0..99.</summary>
    public static int Bucket(string key)
    {
        var hash = 14695981039346656037UL;
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(key) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(key, buffer)] : Encoding.UTF8.GetBytes(key);
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return (int)(hash % 100);
    }
}
