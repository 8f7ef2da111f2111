using Pipeline.Formats.Params;
using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Recommendation;

/// <summary>The recommendation keys of the <c>evaluate</c> section: <c>relevant_at</c> (default 4) and <c>k</c> (default 10: the largest k of the metric@k curves; the metrics in metrics.json are at 10, as their names say).</summary>
public sealed record RecommendationEvaluationOptions
{
    public const double DefaultRelevantAt = 4;
    public const int DefaultK = 10;

    /// <summary>A test rating at or above this makes the item relevant (explicit ratings).</summary>
    public double RelevantAt { get; init; } = DefaultRelevantAt;

    /// <summary>The metric@k curves run k = 1 … max(K, 10).</summary>
    public int K { get; init; } = DefaultK;

    /// <summary>Options from the <c>evaluate</c> section (the other keys are <see cref="EvaluationOptions"/>' and are accepted).</summary>
    public static RecommendationEvaluationOptions FromParams(IReadOnlyDictionary<string, string> evaluate)
    {
        var s = new ParamSection("evaluate", evaluate, EvaluationOptions.Keys);
        return new RecommendationEvaluationOptions
        {
            RelevantAt = s.Number("relevant_at", DefaultRelevantAt),
            K = s.Integer("k", DefaultK, min: 1),
        };
    }
}
