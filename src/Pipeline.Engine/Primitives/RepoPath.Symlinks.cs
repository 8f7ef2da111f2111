namespace Pipeline.Engine.Primitives;

/// <summary>Resolution against the disk: a path may pass through symbolic links only while they stay inside the root.</summary>
public readonly partial record struct RepoPath
{
    // NOTE: Linux gives up after 40 links (ELOOP); so does this, instead of looping on a cycle.
    private const int MaxLinks = 40;

    /// <summary>
    /// The absolute path under <paramref name="root"/>, after checking every existing component: a symbolic link
    /// whose target (fully resolved) lies outside the root's real path throws <see cref="FormatException"/> naming it.
    /// </summary>
    public string ResolveInside(string root)
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var realRoot = RealPath(fullRoot, 0);
        var current = fullRoot;
        foreach (var part in Value.Split('/'))
        {
            current = Path.Combine(current, part);
            var link = new FileInfo(current).LinkTarget;
            if (link is null)
            {
                if (!Path.Exists(current)) break;
                continue;
            }
            var target = RealPath(current, 0);
            if (!IsSameOrUnder(target, realRoot))
            {
                var shown = Path.GetRelativePath(fullRoot, current).Replace('\\', '/');
                throw new FormatException($"'{Value}' leads outside the repository ({fullRoot}) through the symbolic link '{shown}' -> '{target}'.");
            }
        }
        return ToAbsolute(fullRoot);
    }

    /// <summary><c>realpath(3)</c> for the existing part of <paramref name="full"/>; the missing rest is appended as is.</summary>
    private static string RealPath(string full, int links)
    {
        var rootPart = Path.GetPathRoot(full) ?? "";
        var current = rootPart;
        foreach (var part in full[rootPart.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            var link = new FileInfo(next).LinkTarget;
            if (link is null)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks) throw new FormatException($"'{full}' goes through more than {MaxLinks} symbolic links.");
            // NOTE: current holds no links any more, so a relative target's '..' can be applied lexically.
            current = RealPath(Path.GetFullPath(link, current), links);
        }
        return Path.TrimEndingDirectorySeparator(current);
    }

    private static bool IsSameOrUnder(string path, string root) =>
        path == root || path.StartsWith(Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
