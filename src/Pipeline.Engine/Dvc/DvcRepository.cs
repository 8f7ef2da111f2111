namespace Pipeline.Engine.Dvc;

/// <summary>The DVC repository marker: <c>.dvc/config</c>, <c>.dvc/.gitignore</c>, <c>.dvcignore</c> as <c>dvc init</c> writes them.</summary>
internal static class DvcRepository
{
    /// <summary>Creates the marker files that are missing; never overwrites existing ones.</summary>
    public static void EnsureInitialized(string root) => throw new NotImplementedException("STUB: helper B");
}
