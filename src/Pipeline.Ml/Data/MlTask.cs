namespace Pipeline.Ml.Data;

/// <summary>The learning task, from <c>data.task</c> in params.yaml.</summary>
public enum MlTask
{
    Binary,
    Multiclass,
    Regression,

    /// <summary>Top-N recommendation from (user, item, rating) interactions: <c>data.user</c>, <c>data.item</c>, <c>data.label</c>, <c>data.time</c>.</summary>
    Recommendation,
}
