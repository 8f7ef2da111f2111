namespace Pipeline.Engine.Planning;

/// <summary>How one target relates to another it waits for; decides whether planning one pulls in the other.</summary>
internal enum EdgeKind
{
    /// <summary>DependsOn / DependentFor and edges inferred from inputs and outputs: the waiter pulls in the awaited target.</summary>
    Execution,

    /// <summary>After / Before: ordering only, applies when both targets are planned.</summary>
    Ordering,

    /// <summary>Triggers / TriggeredBy: the awaited (triggering) target pulls in the waiter.</summary>
    Trigger,
}
