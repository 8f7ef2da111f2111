namespace Pipeline.Ml.Validation;

/// <summary>The header row of a snapshot: column names in file order, checked for duplicates.</summary>
internal sealed class SnapshotHeader
{
    private SnapshotHeader(IReadOnlyList<string> names) => Names = names;

    /// <summary>Column names in file order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Checks the header the reader returned (it already rejects blank names); a duplicate is an error naming the file.</summary>
    public static SnapshotHeader Parse(string path, IReadOnlyList<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!seen.Add(name)) throw new InvalidDataException($"{path}:1: column '{name}' appears twice in the header.");
        }
        return new SnapshotHeader(names);
    }

    /// <summary>
    /// The index of <paramref name="name"/>, or an error listing the columns; <paramref name="setting"/> is the
    /// params.yaml key that named the column (e.g. data.label), so the error says what to change.
    /// </summary>
    public int IndexOf(string name, string path, string? setting = null)
    {
        for (var i = 0; i < Names.Count; i++) if (Names[i] == name) return i;
        throw new InvalidDataException(setting is null
            ? $"{path}: column '{name}' is not in the header. Columns: {string.Join(", ", Names)}."
            : $"{path}: column '{name}' ({setting} in params.yaml) is not in the header. Columns: {string.Join(", ", Names)}. Set {setting} to one of them.");
    }
}
