namespace Pipeline.Ml.Validation;

/// <summary>The header row of a snapshot: column names in file order, checked for blanks and duplicates.</summary>
internal sealed class SnapshotHeader
{
    private SnapshotHeader(IReadOnlyList<string> names) => Names = names;

    /// <summary>Column names in file order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Reads a header record; blank or duplicate names are errors naming the file.</summary>
    public static SnapshotHeader Parse(string path, CsvRecord record)
    {
        var names = new List<string>();
        for (var i = 0; i < record.Fields.Length; i++)
        {
            var name = record.Fields[i] ?? throw new InvalidDataException($"{path}:{record.Line}: header column {i + 1} is empty; every column needs a name.");
            if (names.Contains(name, StringComparer.Ordinal)) throw new InvalidDataException($"{path}:{record.Line}: column '{name}' appears twice in the header.");
            names.Add(name);
        }
        return new SnapshotHeader(names);
    }

    /// <summary>The index of <paramref name="name"/>, or an error listing the columns.</summary>
    public int IndexOf(string name, string path)
    {
        for (var i = 0; i < Names.Count; i++) if (Names[i] == name) return i;
        throw new InvalidDataException($"{path}: column '{name}' is not in the header. Columns: {string.Join(", ", Names)}.");
    }

    /// <summary>Throws when a record's field count differs from the header's.</summary>
    public void EnsureWidth(CsvRecord record, string path)
    {
        if (record.Fields.Length != Names.Count)
            throw new InvalidDataException($"{path}:{record.Line}: the row has {record.Fields.Length} fields but the header has {Names.Count}. Quote fields that contain commas.");
    }
}
