namespace Pipeline.Monitoring.Drift;

/// <summary>The words of a free-text value as text drift reads them: runs of letters and digits, lower-cased (invariant).</summary>
internal static class TextTokens
{
    /// <summary>The words of <paramref name="text"/>, in order.</summary>
    public static List<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }
}
