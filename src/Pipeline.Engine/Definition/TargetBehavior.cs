using System.Reflection;

namespace Pipeline.Engine.Definition;

/// <summary>The executable part of a target: its actions (and their methods, for code hashing) and conditions.</summary>
internal sealed record TargetBehavior(
    IReadOnlyList<Func<ITargetContext, Task>> Actions,
    IReadOnlyList<MethodInfo> ActionMethods,
    IReadOnlyList<TargetCondition> OnlyWhen,
    IReadOnlyList<TargetCondition> Requires);
