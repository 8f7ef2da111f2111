using System.Text;

namespace Pipeline.Engine.Dvc;

/// <summary>Adds entries to .gitignore files the way scmrepo does (docs/dvc-format.md §1).</summary>
internal static class GitIgnoreFile
{
    private const string MetaCharacters = "[]!*#?";

    /// <summary>
    /// Ensures <c>/&lt;relpath&gt;</c> is listed in <paramref name="gitignorePath"/>; returns true when the file changed.
    /// <paramref name="entry"/> is the path relative to the .gitignore's directory ('/' separators), with or without the leading '/'.
    /// Gitignore metacharacters are escaped as pathspec's <c>GitWildMatchPattern.escape</c> does.
    /// </summary>
    public static bool AddEntry(string gitignorePath, string entry)
    {
        var line = Escape(entry.StartsWith('/') ? entry : "/" + entry);
        var existing = File.Exists(gitignorePath) ? File.ReadAllText(gitignorePath) : "";
        if (existing.Split('\n').Any(l => l.TrimEnd('\r') == line)) return false;
        var prefix = existing.Length == 0 || existing.EndsWith('\n') ? "" : "\n";
        var dir = Path.GetDirectoryName(Path.GetFullPath(gitignorePath));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.AppendAllText(gitignorePath, prefix + line + "\n", new UTF8Encoding(false));
        return true;
    }

    private static string Escape(string entry)
    {
        var sb = new StringBuilder(entry.Length);
        foreach (var c in entry)
        {
            if (MetaCharacters.Contains(c)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
