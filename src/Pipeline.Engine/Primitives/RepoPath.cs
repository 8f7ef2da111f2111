namespace Pipeline.Engine.Primitives;

/// <summary>A path relative to the repository root, always with '/' separators, never escaping the root.</summary>
public readonly record struct RepoPath : IComparable<RepoPath>
{
    private RepoPath(string value) => Value = value;

    /// <summary>The normalized relative path, e.g. <c>data/raw/rows.csv</c>.</summary>
    public string Value { get; }

    /// <summary>Parses a path given relative to the root (or absolute inside it); throws <see cref="FormatException"/> when it leaves the root.</summary>
    public static RepoPath Parse(string path, string? root = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var p = path.Replace('\\', '/');
        if (Path.IsPathRooted(p))
        {
            if (root is null) throw new FormatException($"Path '{path}' is absolute; give it relative to the repository root.");
            p = Path.GetRelativePath(root, p).Replace('\\', '/');
        }
        var parts = new List<string>();
        foreach (var part in p.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) throw new FormatException($"Path '{path}' points outside the repository root.");
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        if (parts.Count == 0) throw new FormatException($"Path '{path}' names the repository root itself; name a file or directory inside it.");
        return new RepoPath(string.Join('/', parts));
    }

    /// <summary>The absolute path under <paramref name="root"/>.</summary>
    public string ToAbsolute(string root) => Path.Combine(root, Value);

    /// <summary>True when this path equals <paramref name="other"/> or lies inside it.</summary>
    public bool IsSameOrUnder(RepoPath other) =>
        Value == other.Value || Value.StartsWith(other.Value + "/", StringComparison.Ordinal);

    public int CompareTo(RepoPath other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? "";
}
