namespace Pipeline.Formats.Columns;

/// <summary>The 64-bit hash of a field value that distinct counts and duplicate-key checks use.</summary>
public static class ValueHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>FNV-1a over the UTF-16 code units of <paramref name="value"/> (stable across processes, unlike string.GetHashCode).</summary>
    public static ulong Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var hash = OffsetBasis;
        foreach (var c in value)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return hash;
    }
}
