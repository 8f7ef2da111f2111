namespace Pipeline.Engine.Definition;

/// <summary>A condition with the source text it was written as (shown in messages and the summary).</summary>
internal sealed record TargetCondition(Func<bool> Evaluate, string Text);
