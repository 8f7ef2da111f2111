namespace Pipeline.Engine.Planning;

/// <summary>
/// A '/'-separated input glob: <c>*</c> and <c>?</c> match within one segment, a <c>**</c> segment matches
/// zero or more segments. Used to decide whether a glob input can reach a declared output.
/// </summary>
internal sealed class GlobPattern
{
    private readonly string[] _segments;

    /// <summary>Parses a normalized path that contains wildcards.</summary>
    public GlobPattern(string normalized)
    {
        Text = normalized;
        _segments = normalized.Split('/');
        var literal = _segments.TakeWhile(s => !IsGlob(s)).ToArray();
        LiteralPrefix = string.Join('/', literal);
    }

    /// <summary>The pattern as declared (normalized).</summary>
    public string Text { get; }

    /// <summary>The leading segments without wildcards, e.g. <c>data/raw</c> for <c>data/raw/**/*.csv</c>; empty when the first segment is a wildcard.</summary>
    public string LiteralPrefix { get; }

    /// <summary>True when <paramref name="path"/> contains a wildcard character.</summary>
    public static bool IsGlob(string path) => path.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>
    /// True when the glob can match <paramref name="path"/>, a path under it (the path is a directory
    /// holding matches) or a directory that contains it (a match is a directory holding the path).
    /// </summary>
    public bool Reaches(string path) => ReachesFrom(0, path.Split('/'), 0);

    /// <summary>True when the glob matches <paramref name="path"/> exactly (a file path, segment by segment).</summary>
    public bool Matches(string path) => MatchesFrom(0, path.Split('/'), 0);

    private bool MatchesFrom(int p, string[] path, int s)
    {
        if (p == _segments.Length) return s == path.Length;
        if (_segments[p] == "**") return MatchesFrom(p + 1, path, s) || (s < path.Length && MatchesFrom(p, path, s + 1));
        return s < path.Length && SegmentMatches(_segments[p], path[s]) && MatchesFrom(p + 1, path, s + 1);
    }

    private bool ReachesFrom(int p, string[] path, int s)
    {
        // NOTE: either side running out first is a hit: the rest of the glob can always match something
        // under the path, and a glob exhausted early matched a directory that contains the path.
        if (p == _segments.Length || s == path.Length) return true;
        if (_segments[p] == "**") return ReachesFrom(p + 1, path, s) || ReachesFrom(p, path, s + 1);
        return SegmentMatches(_segments[p], path[s]) && ReachesFrom(p + 1, path, s + 1);
    }

    /// <summary>Matches one path segment against one pattern segment with <c>*</c> and <c>?</c>.</summary>
    public static bool SegmentMatches(string pattern, string name)
    {
        int p = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
