namespace Pipeline.Engine.Dvc;

/// <summary>Python's <c>sorted()</c> order for strings: by Unicode code point (UTF-16 ordinal order differs above U+FFFF).</summary>
internal sealed class CodePointOrder : IComparer<string>
{
    /// <summary>The shared instance.</summary>
    public static CodePointOrder Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var i = 0;
        var j = 0;
        while (i < x.Length && j < y.Length)
        {
            var a = Next(x, ref i);
            var b = Next(y, ref j);
            if (a != b) return a.CompareTo(b);
        }
        return (x.Length - i).CompareTo(y.Length - j);
    }

    private static int Next(string s, ref int i)
    {
        if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            i += 2;
            return char.ConvertToUtf32(s[i - 2], s[i - 1]);
        }
        return s[i++];
    }
}
