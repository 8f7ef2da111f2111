using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Recommendation;

/// <summary>The evaluation's metrics and its counts: evaluated users, cold-start users (popularity answer), test rows on items outside the catalogue.</summary>
public sealed record RecommendationEvaluation(EvaluationResult Result, int Users, int ColdStartUsers, int ColdStartRows);
