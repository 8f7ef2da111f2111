namespace Pipeline.Engine.Primitives;

/// <summary>The comparison operators, by the same order as <c>CompareTo</c>.</summary>
public readonly partial record struct RepoPath
{
    /// <summary>Ordinal, as CompareTo: lets sorted paths be compared with the usual operators.</summary>
    public static bool operator <(RepoPath left, RepoPath right) => Comparer<RepoPath>.Default.Compare(left, right) < 0;

    /// <summary>Ordinal, as CompareTo: lets sorted paths be compared with the usual operators.</summary>
    public static bool operator <=(RepoPath left, RepoPath right) => Comparer<RepoPath>.Default.Compare(left, right) <= 0;

    /// <summary>Ordinal, as CompareTo: lets sorted paths be compared with the usual operators.</summary>
    public static bool operator >(RepoPath left, RepoPath right) => Comparer<RepoPath>.Default.Compare(left, right) > 0;

    /// <summary>Ordinal, as CompareTo: lets sorted paths be compared with the usual operators.</summary>
    public static bool operator >=(RepoPath left, RepoPath right) => Comparer<RepoPath>.Default.Compare(left, right) >= 0;
}
