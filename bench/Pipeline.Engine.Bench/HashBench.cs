namespace Pipeline.Engine.Bench;

/// <summary>Hashing throughput against md5sum on the same file (owned by helper A).</summary>
internal static class HashBench
{
    public static int Run(string[] args) => throw new NotImplementedException("STUB: helper A");
}
