namespace Pipeline.Engine.Cli;

/// <summary>"Did you mean" by edit distance, ignoring case and dashes.</summary>
internal static class Suggestions
{
    public static string? Closest(string given, IEnumerable<string> candidates)
    {
        var g = Simplify(given);
        var best = candidates.Select(c => (c, d: Distance(g, Simplify(c)))).OrderBy(x => x.d).FirstOrDefault();
        return best.c is not null && best.d <= Math.Max(2, g.Length / 3) ? best.c : null;
    }

    private static string Simplify(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }
}
