using System.Text;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Features;

/// <summary>
/// The split of a dataset with a key column: a row is held out when a seeded 64-bit hash of its key falls below
/// fraction · 2^64. One streaming pass, no memory per row, and a row's side depends on its key alone, so a dataset
/// that grows (new source rows, feedback-labelled traffic) keeps every earlier row on its side: the test set never holds
/// a row the previous model was trained on, and the deploy gate compares the two on rows neither has seen. The share
/// per class is the fraction in expectation, not exactly.
/// </summary>
internal static class KeyedSplit
{
    /// <summary>Splits <paramref name="reader"/>'s remaining rows by the key at <paramref name="keyIndex"/>; <paramref name="onTrain"/> sees each train row.</summary>
    public static (long Train, long Test) Run(CsvSnapshotReader reader, int keyIndex, double testFraction, int seed, string trainPath, string testPath, BackgroundRows? onTrain = null, CancellationToken cancellation = default)
    {
        var threshold = (ulong)(testFraction * Math.Pow(2, 64));
        return TrainTestSplit.Write(reader, trainPath, testPath, onTrain, (rows, row) => Hash(seed, rows.Field(row, keyIndex)) < threshold, cancellation);
    }

    /// <summary>FNV-1a over the seed and the key's UTF-8 bytes, finished with SplitMix64's mixer (uniform high bits).</summary>
    internal static ulong Hash(int seed, ReadOnlySpan<char> key)
    {
        var hash = 14695981039346656037UL ^ (uint)seed;
        Span<byte> small = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetMaxByteCount(key.Length) <= small.Length ? small : new byte[Encoding.UTF8.GetByteCount(key)];
        foreach (var b in bytes[..Encoding.UTF8.GetBytes(key, bytes)]) hash = (hash ^ b) * 1099511628211UL;
        hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL;
        hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }
}
