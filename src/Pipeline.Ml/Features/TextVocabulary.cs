using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace Pipeline.Ml.Features;

/// <summary>
/// A text column's n-gram block: ML.NET's FeaturizeText (word unigrams and bigrams, character trigrams, lower-cased,
/// the word and the character counts each L2-normalized), then only the n-grams found in the most train rows, at most
/// <see cref="FeaturizerOptions.MaxNgrams"/> word and character n-grams together (scikit-learn's max_features, by
/// document frequency). The n-grams tied at the cut are dropped together, so the kept set never depends on row order.
/// Built-in transforms only (count-based slot selection), so the saved model loads without custom code; a vocabulary
/// within the bound gives exactly FeaturizeText's features.
/// </summary>
internal static class TextVocabulary
{
    // NOTE: the selection comes after FeaturizeText's normalization (word and character vectors each scaled to length
    // 1, which weighs words as much as the more numerous character trigrams; one norm over both made a short-utterance
    // intent table 7 points less accurate), so a kept n-gram keeps its value. ML.NET's own limit keeps the first
    // n-grams met in row order, not the most frequent; it only bounds the dictionary's memory here, at this many times
    // the kept count, so the counted candidates hold every frequent n-gram.
    private const int CandidatesPerKept = 10;

    /// <summary>Fits the block on the chain's current rows into <paramref name="output"/>; returns the n-grams kept and seen.</summary>
    public static TextNgrams Add(MLContext ml, ChainFitter chain, string output, string input, int maxNgrams)
    {
        var candidates = (int)Math.Min(int.MaxValue / 2, (long)maxNgrams * CandidatesPerKept);
        chain.Add(ml.Transforms.Text.FeaturizeText(output, new TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true, MaximumNgramsCount = [candidates] },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false, MaximumNgramsCount = [candidates] },
        }, input));
        var frequencies = DocumentFrequencies(chain.Current, output);
        var cut = Cut(frequencies, maxNgrams);
        if (cut > 1) chain.Add(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount(output, count: cut));
        return new TextNgrams(frequencies.Count(f => f >= cut), frequencies.Count(f => f > 0));
    }

    /// <summary>
    /// The least document frequency an n-gram needs to be kept so that at most <paramref name="max"/> are: 1 (all)
    /// when they fit, else one more than the frequency of the first n-gram past the limit in descending order.
    /// </summary>
    internal static long Cut(IReadOnlyList<long> frequencies, int max)
    {
        var seen = frequencies.Where(f => f > 0).OrderDescending().ToList();
        return seen.Count <= max ? 1 : seen[max] + 1;
    }

    /// <summary>In how many rows each slot of the vector column <paramref name="column"/> is not zero.</summary>
    private static long[] DocumentFrequencies(IDataView rows, string column)
    {
        var col = rows.Schema[column];
        var counts = new long[col.Type is VectorDataViewType { Size: > 0 } v ? v.Size : 0];
        using var cursor = rows.GetRowCursor([col]);
        var get = cursor.GetGetter<VBuffer<float>>(col);
        var value = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            get(ref value);
            var values = value.GetValues();
            var indices = value.GetIndices();
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] != 0) counts[value.IsDense ? i : indices[i]]++;
            }
        }

        return counts;
    }
}
