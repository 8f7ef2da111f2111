namespace Pipeline.Formats.Params;

/// <summary>The known name a mistyped one most likely meant: a few edits away, or a plain shortening or lengthening.</summary>
internal static class NearestName
{
    /// <summary>The name of <paramref name="known"/> nearest to <paramref name="name"/>, or null when none is close.</summary>
    public static string? Of(string name, IReadOnlyCollection<string> known)
    {
        var ordered = known.Order(StringComparer.Ordinal).ToList();
        var best = ordered.Select(k => (k, d: Distance(name, k))).OrderBy(x => x.d).FirstOrDefault();
        if (best.k is not null && best.d <= Math.Max(2, name.Length / 3)) return best.k;
        // NOTE: a shortened or lengthened name (slice for slice_column, retry for retries) is far in edits but plain to see.
        if (ordered.Count == 0) return null;
        var (longest, shared) = ordered.Select(k => (k, n: k.Zip(name).TakeWhile(p => p.First == p.Second).Count())).MaxBy(x => x.n);
        return shared >= 4 && shared * 5 >= name.Length * 3 ? longest : null;
    }

    // NOTE: plain Levenshtein, a dozen lines; the engine's EditDistance is internal to an assembly Ml may not reference.
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
