namespace Pipeline.Ml.Recommendation;

/// <summary>Reads the top-N model part of a recommender's model file by its kind (the name <see cref="IItemScorer.Name"/> wrote).</summary>
internal static class ScorerFile
{
    /// <summary>The scorer of kind <paramref name="kind"/>, or null for a kind this build does not know.</summary>
    public static IItemScorer? Read(string kind, BinaryReader reader) => kind switch
    {
        PopularityScorer.Kind => PopularityScorer.Read(reader),
        AlsScorer.Kind => AlsScorer.Read(reader),
        ItemKnnScorer.Kind => ItemKnnScorer.Read(reader),
        PureSvdScorer.Kind => PureSvdScorer.Read(reader),
        EaseScorer.Kind => EaseScorer.Read(reader),
        LambdaRankScorer.Kind => LambdaRankScorer.Read(reader),
        _ => null,
    };
}
