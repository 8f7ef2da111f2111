namespace Pipeline.Engine.Serialization;

/// <summary>
/// Orders strings by Unicode code point, as Python's <c>sorted</c> does (docs/dvc-format.md §18.2).
/// Differs from <see cref="string.CompareOrdinal(string, string)"/> only for astral characters (surrogate pairs).
/// </summary>
public sealed class CodePointComparer : IComparer<string>
{
    /// <summary>The shared instance.</summary>
    public static readonly CodePointComparer Instance = new();

    private CodePointComparer()
    {
    }

    /// <summary>Compares two strings code point by code point; a proper prefix sorts first.</summary>
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var i = x.AsSpan().CommonPrefixLength(y);
        if (i == x.Length || i == y.Length) return x.Length.CompareTo(y.Length);
        // NOTE: a difference inside a pair (after an equal high surrogate) is judged from the pair's start.
        if (i > 0 && char.IsHighSurrogate(x[i - 1])) i--;
        return CodePointAt(x, i).CompareTo(CodePointAt(y, i));
    }

    private static int CodePointAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])
            ? char.ConvertToUtf32(s[i], s[i + 1])
            : s[i];
}
