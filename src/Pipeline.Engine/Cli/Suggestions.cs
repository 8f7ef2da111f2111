using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Cli;

/// <summary>"Did you mean" by edit distance, ignoring case and dashes.</summary>
internal static class Suggestions
{
    public static string? Closest(string given, IEnumerable<string> candidates)
    {
        var g = Simplify(given);
        var best = candidates.Select(c => (c, d: EditDistance.Between(g, Simplify(c)))).OrderBy(x => x.d).FirstOrDefault();
        return best.c is not null && best.d <= Math.Max(2, g.Length / 3) ? best.c : null;
    }

    private static string Simplify(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
