namespace Pipeline.Engine.Dvc;

/// <summary>Adds entries to .gitignore files the way scmrepo does (dvc-format.md §1).</summary>
internal static class GitIgnoreFile
{
    /// <summary>Ensures <c>/&lt;relpath&gt;</c> is listed in <paramref name="gitignorePath"/>; returns true when the file changed.</summary>
    public static bool AddEntry(string gitignorePath, string entry) => throw new NotImplementedException("STUB: helper B");
}
