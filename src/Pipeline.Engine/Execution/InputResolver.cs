using Pipeline.Engine.Planning;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Execution;

/// <summary>Expands declared inputs (files, directories, globs) into repo-relative paths, sorted, on the current disk.</summary>
internal sealed class InputResolver(string root)
{
    private static readonly HashSet<string> IgnoredDirectories = [".git", ".dvc", ".hg", ".nuke"];

    public static bool IsGlob(string pattern) => GlobPattern.IsGlob(pattern);

    /// <summary>
    /// The paths a declared input stands for; a plain path is returned as is, even when it does not exist yet.
    /// Glob matches that lie in <paramref name="excluded"/> (the target's own outputs) are left out, as the planner does.
    /// </summary>
    public IReadOnlyList<string> Resolve(string declared, IReadOnlyCollection<string>? excluded = null)
    {
        var pattern = RepoPath.Normalize(declared);
        if (!IsGlob(pattern)) return [pattern];
        var glob = new GlobPattern(pattern);
        var baseAbs = glob.LiteralPrefix.Length == 0 ? root : Path.Combine(root, glob.LiteralPrefix);
        if (!Directory.Exists(baseAbs)) return [];
        return Walk(baseAbs)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(rel => glob.Matches(rel) && !(excluded?.Any(o => rel == o || rel.StartsWith(o + "/", StringComparison.Ordinal)) ?? false))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>All inputs of a target, globs expanded without the target's own outputs.</summary>
    public IReadOnlyList<string> ResolveAll(TargetSpec spec)
    {
        var outputs = spec.AllOutputs.Select(RepoPath.Normalize).ToList();
        return spec.Inputs.SelectMany(i => Resolve(i, outputs)).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> Walk(string dir)
    {
        foreach (var file in Directory.EnumerateFiles(dir)) yield return file;
        foreach (var sub in Directory.EnumerateDirectories(dir))
        {
            if (IgnoredDirectories.Contains(Path.GetFileName(sub))) continue;
            foreach (var file in Walk(sub)) yield return file;
        }
    }
}
