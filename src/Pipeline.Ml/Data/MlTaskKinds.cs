namespace Pipeline.Ml.Data;

/// <summary>What a task's label is, for the stages that only care whether it is a number or a class.</summary>
internal static class MlTaskKinds
{
    /// <summary>True when the label is a number (regression's target, recommendation's rating), false for a class.</summary>
    public static bool HasNumericLabel(this MlTask task) => task is MlTask.Regression or MlTask.Recommendation;
}
