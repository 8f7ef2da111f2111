using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Primitives;

/// <summary>
/// A path relative to the repository root, always with '/' separators, never escaping the root. Every path the
/// engine is given (declared inputs and outputs, Track arguments) or reads from a file (dvc.lock, .dvc files,
/// run-cache entries) goes through this type: it is resolved ('.' and '..' applied), never trimmed.
/// </summary>
public readonly partial record struct RepoPath : IComparable<RepoPath>
{
    private RepoPath(string value) => Value = value;

    /// <summary>The normalized relative path, e.g. <c>data/raw/rows.csv</c>.</summary>
    public string Value { get; }

    /// <summary>
    /// Parses a path given relative to the root (or absolute inside <paramref name="root"/>); throws
    /// <see cref="FormatException"/> saying it is outside the repository when it leaves the root or is absolute
    /// without a root to compare with.
    /// </summary>
    public static RepoPath Parse(string path, string? root = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var p = path.Replace('\\', '/');
        if (Path.IsPathRooted(p))
        {
            if (root is null) throw new FormatException($"'{path}' is outside the repository: it is absolute; give it relative to the repository root.");
            p = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(p)).Replace('\\', '/');
            if (Path.IsPathRooted(p) || p == ".." || p.StartsWith("../", StringComparison.Ordinal))
                throw new FormatException($"'{path}' is outside the repository ({root}).");
        }
        var parts = new List<string>();
        foreach (var part in p.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) throw new FormatException($"'{path}' is outside the repository{(root is null ? "" : $" ({root})")}: it climbs above the root.");
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        if (parts.Count == 0) throw new FormatException($"'{path}' names the repository root itself; name a file or directory inside it.");
        return new RepoPath(string.Join('/', parts));
    }

    /// <summary>The normalized form of a declared path (see <see cref="Parse"/>).</summary>
    public static string Normalize(string path) => Parse(path).Value;

    /// <summary>The absolute path under <paramref name="root"/> (lexically; see <see cref="ResolveInside"/> for symlinks).</summary>
    public string ToAbsolute(string root) => Path.Combine(root, Value);

    /// <summary>True when this path equals <paramref name="other"/> or lies inside it.</summary>
    public bool IsSameOrUnder(RepoPath other) =>
        Value == other.Value || Value.StartsWith(other.Value + "/", StringComparison.Ordinal);

    public int CompareTo(RepoPath other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? "";
}
