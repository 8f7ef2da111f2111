namespace Pipeline.Ml.Data;

/// <summary>The learning task, from <c>data.task</c> in params.yaml.</summary>
public enum MlTask
{
    Binary,
    Multiclass,
    Regression,
}
