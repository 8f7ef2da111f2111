namespace Pipeline.Engine.Planning;

/// <summary>
/// The graph over all declared targets, by declaration index: who waits for whom (every edge kind,
/// used for cycles and ordering) and who pulls whom into a plan (execution dependencies and triggers).
/// </summary>
internal sealed class TargetGraph
{
    private readonly List<int>[] _waitsFor;
    private readonly List<int>[] _pulls;

    /// <summary>Creates a graph without edges over <paramref name="specs"/>.</summary>
    public TargetGraph(IReadOnlyList<TargetSpec> specs, NameMatcher names)
    {
        Specs = specs;
        Names = names;
        _waitsFor = new List<int>[specs.Count];
        _pulls = new List<int>[specs.Count];
        for (var i = 0; i < specs.Count; i++)
        {
            _waitsFor[i] = [];
            _pulls[i] = [];
        }
    }

    /// <summary>The declared targets; a target's index is its position here.</summary>
    public IReadOnlyList<TargetSpec> Specs { get; }

    /// <summary>Resolves typed names to declaration indices.</summary>
    public NameMatcher Names { get; }

    /// <summary>The number of declared targets.</summary>
    public int Count => Specs.Count;

    /// <summary>Targets that must finish before <paramref name="target"/> starts when both are planned, ascending and distinct.</summary>
    public IReadOnlyList<int> WaitsFor(int target) => _waitsFor[target];

    /// <summary>Targets that planning <paramref name="target"/> adds to the plan, ascending and distinct.</summary>
    public IReadOnlyList<int> Pulls(int target) => _pulls[target];

    /// <summary>Records that <paramref name="waiter"/> runs after <paramref name="awaited"/>.</summary>
    public void AddEdge(int waiter, int awaited, EdgeKind kind)
    {
        _waitsFor[waiter].Add(awaited);
        switch (kind)
        {
            case EdgeKind.Execution:
                _pulls[waiter].Add(awaited);
                break;
            case EdgeKind.Trigger:
                _pulls[awaited].Add(waiter);
                break;
        }
    }

    /// <summary>Sorts and de-duplicates the edge lists so every traversal is deterministic.</summary>
    public void Seal()
    {
        for (var i = 0; i < Count; i++)
        {
            SortDistinct(_waitsFor[i]);
            SortDistinct(_pulls[i]);
        }
    }

    private static void SortDistinct(List<int> list)
    {
        if (list.Count < 2) return;
        list.Sort();
        var write = 1;
        for (var read = 1; read < list.Count; read++)
        {
            if (list[read] != list[write - 1]) list[write++] = list[read];
        }
        list.RemoveRange(write, list.Count - write);
    }
}
