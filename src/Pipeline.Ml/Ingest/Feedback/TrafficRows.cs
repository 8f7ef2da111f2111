namespace Pipeline.Ml.Ingest.Feedback;

/// <summary>
/// The rows of a split that are labelled served traffic (their key is one <see cref="FeedbackKey"/> made), kept only
/// when they are enough to choose a threshold or state a baseline on: at least <see cref="MinRows"/>, and for binary
/// labels at least <see cref="MinPerClass"/> of each class (<c>monitor.min_labels</c> is 100 too).
/// </summary>
internal static class TrafficRows
{
    /// <summary>Fewest labelled-traffic rows, and of each binary class among them, that are used.</summary>
    public const int MinRows = 100, MinPerClass = 10;

    /// <summary>The indexes of the marked rows, or null when they are too few (<paramref name="binaryLabels"/>: 0/1 labels to count classes in).</summary>
    public static int[]? Pick(IReadOnlyList<bool> marked, IReadOnlyList<double>? binaryLabels)
    {
        var picked = Enumerable.Range(0, marked.Count).Where(i => marked[i]).ToArray();
        if (picked.Length < MinRows) return null;
        if (binaryLabels is null) return picked;
        var positives = picked.Count(i => binaryLabels[i] > 0.5);
        return positives >= MinPerClass && picked.Length - positives >= MinPerClass ? picked : null;
    }
}
