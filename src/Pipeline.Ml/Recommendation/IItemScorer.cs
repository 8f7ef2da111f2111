namespace Pipeline.Ml.Recommendation;

/// <summary>A fitted top-N model: scores every catalogue item for a known user (higher: recommend first).</summary>
internal interface IItemScorer
{
    /// <summary>The model's name in <c>train.trainers</c> and reports/trials.csv.</summary>
    string Name { get; }

    /// <summary>Writes the score of every item for user <paramref name="user"/>, whose training items are <paramref name="items"/>, into <paramref name="scores"/>.</summary>
    void Score(int user, int[] items, double[] values, Span<double> scores);

    /// <summary>Writes the fitted model (its kind is written by the caller).</summary>
    void Write(BinaryWriter writer);
}
