namespace Pipeline.Git.Registry;

/// <summary>The comparison operators, by the same order as <c>CompareTo</c>.</summary>
public sealed partial record SemVer
{
    /// <summary>SemVer precedence, as CompareTo (null first).</summary>
    public static bool operator <(SemVer? left, SemVer? right) => Comparer<SemVer>.Default.Compare(left, right) < 0;

    /// <summary>SemVer precedence, as CompareTo (null first).</summary>
    public static bool operator <=(SemVer? left, SemVer? right) => Comparer<SemVer>.Default.Compare(left, right) <= 0;

    /// <summary>SemVer precedence, as CompareTo (null first).</summary>
    public static bool operator >(SemVer? left, SemVer? right) => Comparer<SemVer>.Default.Compare(left, right) > 0;

    /// <summary>SemVer precedence, as CompareTo (null first).</summary>
    public static bool operator >=(SemVer? left, SemVer? right) => Comparer<SemVer>.Default.Compare(left, right) >= 0;
}
