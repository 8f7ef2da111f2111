namespace Pipeline.Monitoring.Statistics;

/// <summary>
/// Free text as a bag of words: token counts over a column's values (lower case, split at anything but letters and
/// digits), so two descriptions that share words are near even when no two strings are equal.
/// </summary>
public static class TokenShares
{
    /// <summary>Token counts of the values, each value weighted by its count.</summary>
    public static Dictionary<string, long> Count(IEnumerable<KeyValuePair<string, int>> valueCounts)
    {
        ArgumentNullException.ThrowIfNull(valueCounts);
        var tokens = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (value, count) in valueCounts)
        {
            foreach (var token in Tokens(value)) tokens[token] = tokens.GetValueOrDefault(token) + count;
        }

        return tokens;
    }

    /// <summary>The tokens of one value, in order.</summary>
    public static IEnumerable<string> Tokens(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var start = -1;
        for (var i = 0; i <= value.Length; i++)
        {
            var word = i < value.Length && char.IsLetterOrDigit(value[i]);
            if (word && start < 0) start = i;
            else if (!word && start >= 0)
            {
                yield return value[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    /// <summary>
    /// True when the values read as free text rather than categories: on average at least two words a value (separated
    /// by white space, so codes such as <c>online_retail</c> are one) and more than <paramref name="minimumDistinct"/>
    /// distinct values.
    /// </summary>
    public static bool LooksLikeText(IReadOnlyDictionary<string, int> valueCounts, int minimumDistinct)
    {
        ArgumentNullException.ThrowIfNull(valueCounts);
        if (valueCounts.Count <= minimumDistinct) return false;
        long values = 0, tokens = 0;
        foreach (var (value, count) in valueCounts)
        {
            values += count;
            tokens += (long)value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length * count;
        }

        return tokens >= 2 * values;
    }
}
