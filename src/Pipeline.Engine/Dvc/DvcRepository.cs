namespace Pipeline.Engine.Dvc;

/// <summary>The DVC repository marker: <c>.dvc/config</c>, <c>.dvc/.gitignore</c>, <c>.dvcignore</c> as <c>dvc init</c> writes them.</summary>
internal static class DvcRepository
{
    private const string DvcIgnoreText =
        "# Add patterns of files dvc should ignore, which could improve\n" +
        "# the performance. Learn more at\n" +
        "# https://dvc.org/doc/user-guide/dvcignore\n";

    private static readonly string[] DvcDirIgnores = ["/config.local", "/tmp", "/cache"];

    /// <summary>Creates the marker files that are missing; never overwrites existing ones.</summary>
    public static void EnsureInitialized(string root)
    {
        var dvcDir = Path.Combine(root, ".dvc");
        Directory.CreateDirectory(dvcDir);
        var config = Path.Combine(dvcDir, "config");
        if (!File.Exists(config)) File.WriteAllBytes(config, []);
        var gitignore = Path.Combine(dvcDir, ".gitignore");
        if (!File.Exists(gitignore))
        {
            // NOTE: one scmrepo entry per ignore call, exactly as dvc init does: "/config.local\n/tmp\n/cache\n".
            foreach (var entry in DvcDirIgnores) GitIgnoreFile.AddEntry(gitignore, entry);
        }
        var dvcignore = Path.Combine(root, ".dvcignore");
        if (!File.Exists(dvcignore)) File.WriteAllText(dvcignore, DvcIgnoreText);
    }
}
