namespace Pipeline.Git.Experiments;

/// <summary>DVC-style experiment names: <c>&lt;5-letter adjective&gt;-&lt;4-letter noun&gt;</c> (docs/dvc-format.md §15).</summary>
internal static class ExperimentNames
{
    private static readonly string[] Adjectives =
        ["rapid", "quiet", "brave", "jolly", "lucky", "sunny", "witty", "noble", "proud", "brisk", "eager", "fancy", "merry", "fuzzy", "happy", "zesty"];

    private static readonly string[] Nouns =
        ["doge", "yaks", "mutt", "lion", "wolf", "hare", "crow", "deer", "frog", "goat", "lynx", "mole", "newt", "seal", "swan", "toad"];

    /// <summary>The ref prefix of a baseline's experiments: <c>refs/exps/&lt;sha[0:2]&gt;/&lt;sha[2:]&gt;/</c>.</summary>
    public static string RefPrefix(string baselineSha) => $"refs/exps/{baselineSha[..2]}/{baselineSha[2..]}/";

    /// <summary>Draws names from <paramref name="random"/> until one is not taken; after 100 draws DVC's fallback <c>exp-&lt;hash[:5]&gt;</c>.</summary>
    public static string Generate(Random random, Func<string, bool> isTaken, string expHash)
    {
        for (var i = 0; i < 100; i++)
        {
            var name = $"{Adjectives[random.Next(Adjectives.Length)]}-{Nouns[random.Next(Nouns.Length)]}";
            if (!isTaken(name)) return name;
        }
        return $"exp-{expHash[..5]}";
    }

    /// <summary>True when <paramref name="name"/> can be the last component of a ref (no '/', valid git ref syntax).</summary>
    public static bool IsValid(string name) =>
        name.Length > 0 && !name.Contains('/', StringComparison.Ordinal) && LibGit2Sharp.Reference.IsValidName($"refs/exps/00/0/{name}");
}
