using System.Text.RegularExpressions;

namespace Pipeline.Engine.Execution;

/// <summary>Expands declared inputs (files, directories, globs) into repo-relative paths, sorted, on the current disk.</summary>
internal sealed class InputResolver(string root)
{
    private static readonly HashSet<string> IgnoredDirectories = [".git", ".dvc", ".hg", ".nuke"];

    public static bool IsGlob(string pattern) => pattern.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>The paths a declared input stands for; a plain path is returned as is, even when it does not exist yet.</summary>
    public IReadOnlyList<string> Resolve(string declared)
    {
        var pattern = declared.Replace('\\', '/').TrimStart('.', '/');
        if (!IsGlob(pattern)) return [pattern.TrimEnd('/')];
        var segments = pattern.Split('/');
        var fixedCount = segments.TakeWhile(s => !IsGlob(s)).Count();
        var baseRel = string.Join('/', segments.Take(fixedCount));
        var baseAbs = baseRel.Length == 0 ? root : Path.Combine(root, baseRel);
        if (!Directory.Exists(baseAbs)) return [];
        var regex = ToRegex(pattern);
        return Walk(baseAbs)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(rel => regex.IsMatch(rel))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public IReadOnlyList<string> ResolveAll(IEnumerable<string> declared) =>
        declared.SelectMany(Resolve).Distinct().Order(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> Walk(string dir)
    {
        foreach (var file in Directory.EnumerateFiles(dir)) yield return file;
        foreach (var sub in Directory.EnumerateDirectories(dir))
        {
            if (IgnoredDirectories.Contains(Path.GetFileName(sub))) continue;
            foreach (var file in Walk(sub)) yield return file;
        }
    }

    /// <summary><c>**</c> crosses directories, <c>*</c> and <c>?</c> do not.</summary>
    internal static Regex ToRegex(string pattern)
    {
        var rx = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                rx.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') rx.Append("[^/]*");
            else if (c == '?') rx.Append("[^/]");
            else rx.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(rx.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
