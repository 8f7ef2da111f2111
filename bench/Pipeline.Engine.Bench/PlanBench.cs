namespace Pipeline.Engine.Bench;

/// <summary>Planning time of a synthetic 1,000-target graph (owned by helper D).</summary>
internal static class PlanBench
{
    public static int Run(string[] args) => throw new NotImplementedException("STUB: helper D");
}
