using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Tests;

/// <summary>Reads a snapshot's data rows in tests through the production reader.</summary>
internal static class SnapshotRows
{
    /// <summary>Every data row of <paramref name="path"/> (header excluded), as written, whatever its field count.</summary>
    public static List<string?[]> Read(string path)
    {
        using var reader = new CsvSnapshotReader(path);
        var rows = new List<string?[]>();
        while (reader.ReadRawRow() is { } row) rows.Add(row);
        return rows;
    }

    /// <summary>The header of <paramref name="path"/>.</summary>
    public static IReadOnlyList<string> Header(string path)
    {
        using var reader = new CsvSnapshotReader(path);
        return reader.Header;
    }
}
