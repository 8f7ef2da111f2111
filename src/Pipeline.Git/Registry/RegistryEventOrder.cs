namespace Pipeline.Git.Registry;

/// <summary>
/// Orders events by tagger time (GTO sorts by <c>tagged_date</c>), then by counter (an un-numbered tag first), then tag name,
/// so events in the same second replay deterministically.
/// </summary>
internal sealed class RegistryEventOrder : IComparer<RegistryEvent>
{
    /// <summary>The shared instance.</summary>
    public static readonly RegistryEventOrder Instance = new();

    /// <inheritdoc />
    public int Compare(RegistryEvent? x, RegistryEvent? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var c = x.Time.ToUnixTimeSeconds().CompareTo(y.Time.ToUnixTimeSeconds());
        if (c == 0) c = (x.Parsed.Counter ?? 0).CompareTo(y.Parsed.Counter ?? 0);
        return c != 0 ? c : string.CompareOrdinal(x.TagName, y.TagName);
    }
}
