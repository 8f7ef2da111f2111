using System.Runtime.InteropServices;
using Pipeline.Formats.Columns;
using Pipeline.Monitoring.Statistics;

namespace Pipeline.Monitoring.Drift;

/// <summary>
/// Text drift as a domain classifier (as Evidently's text drift): can a model tell current texts from reference texts?
/// Each side is shuffled with a fixed seed and split in halves; a multinomial naive Bayes on hashed word unigrams and
/// bigrams (Laplace smoothing, equal priors) learns reference vs current on the first halves, and scores the held-out
/// halves. The statistic is the held-out ROC AUC: 0.5 when the texts are alike, 1 when every current text is told apart.
/// Under no drift the held-out scores of both sides are exchangeable, so the AUC's null spread and one-sided p-value are
/// the Mann-Whitney ones.
/// </summary>
internal static class TextDomainClassifier
{
    /// <summary>The held-out AUC of current over reference texts, its standard deviation under no drift, and its p-value.</summary>
    public static (double Auc, double NullSd, double PValue) Compare(string[] reference, string[] current, int seed)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        var (refTrain, refTest) = Split(reference, seed);
        var (curTrain, curTest) = Split(current, seed + 1);
        if (refTest.Length == 0 || curTest.Length == 0) return (0.5, double.NaN, 1.0);

        var counts = new Dictionary<ulong, (long Reference, long Current)>();
        long refTotal = 0, curTotal = 0;
        foreach (var text in refTrain)
        {
            foreach (var f in Features(text)) { CollectionsMarshal.GetValueRefOrAddDefault(counts, f, out _).Reference++; refTotal++; }
        }

        foreach (var text in curTrain)
        {
            foreach (var f in Features(text)) { CollectionsMarshal.GetValueRefOrAddDefault(counts, f, out _).Current++; curTotal++; }
        }

        double vocabulary = counts.Count + 1;
        double refDenominator = refTotal + vocabulary, curDenominator = curTotal + vocabulary;
        double Score(string text)
        {
            var score = 0.0;
            foreach (var f in Features(text))
            {
                var (r, c) = counts.GetValueOrDefault(f);
                score += Math.Log((c + 1) / curDenominator) - Math.Log((r + 1) / refDenominator);
            }

            return score;
        }

        return MannWhitney.Compare(curTest.Select(Score).ToArray(), refTest.Select(Score).ToArray());
    }

    /// <summary>The texts shuffled by <paramref name="seed"/> (Fisher-Yates), the first half to train on and the rest held out.</summary>
    private static (string[] Train, string[] Test) Split(string[] texts, int seed)
    {
        var shuffled = (string[])texts.Clone();
        new Random(seed).Shuffle(shuffled);
        var half = shuffled.Length / 2;
        return (shuffled[..half], shuffled[half..]);
    }

    /// <summary>Hashes of the word unigrams and bigrams of <paramref name="text"/>.</summary>
    private static IEnumerable<ulong> Features(string text)
    {
        var words = TextTokens.Words(text);
        for (var i = 0; i < words.Count; i++)
        {
            yield return ValueHash.Of(words[i]);
            if (i > 0) yield return ValueHash.Of(words[i - 1] + " " + words[i]);
        }
    }
}
