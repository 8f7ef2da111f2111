using System.Globalization;
using Pipeline.Formats.Csv;
using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Csv;

/// <summary>
/// Reads a reference and a current CSV file (header row, then data rows) into two <see cref="DriftDataset"/>s.
/// A column is numeric when every non-empty cell in both files parses as an invariant-culture number;
/// otherwise categorical. Empty cells are missing values.
/// </summary>
public static class CsvDatasetReader
{
    /// <summary>Reads both files and infers one kind per column across them.</summary>
    public static (DriftDataset Reference, DriftDataset Current) ReadPair(string referencePath, string currentPath)
    {
        var reference = ReadTable(referencePath);
        var current = ReadTable(currentPath);
        var numeric = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in reference.Header)
        {
            var currentCells = current.Header.Contains(name) ? current.Cells(name) : [];
            if (reference.Cells(name).Concat(currentCells).All(IsNumberOrEmpty)) numeric.Add(name);
        }

        foreach (var name in current.Header.Where(n => !reference.Header.Contains(n)))
        {
            if (current.Cells(name).All(IsNumberOrEmpty)) numeric.Add(name);
        }

        return (reference.ToDataset(numeric), current.ToDataset(numeric));
    }

    /// <summary>Reads one file, inferring kinds from that file alone.</summary>
    public static DriftDataset Read(string path)
    {
        var table = ReadTable(path);
        var numeric = table.Header.Where(n => table.Cells(n).All(IsNumberOrEmpty)).ToHashSet(StringComparer.Ordinal);
        return table.ToDataset(numeric);
    }

    private static bool IsNumberOrEmpty(string cell) =>
        cell.Length == 0 || double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    // NOTE: the pipeline's one CSV reader (Pipeline.Formats), so monitoring reads a file exactly as Featurize wrote it;
    // a missing field is an empty cell here.
    private static CsvTable ReadTable(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"CSV file '{path}' does not exist.", path);
        using var reader = new CsvSnapshotReader(path);
        var header = reader.Header.ToArray();
        var rows = new List<string[]>();
        while (reader.ReadRawRow() is { } fields)
        {
            var row = Array.ConvertAll(fields, f => f ?? "");
            if (row.Length == 1 && row[0].Length == 0) continue;
            if (row.Length != header.Length)
            {
                throw new FormatException(
                    $"CSV file '{path}' row {rows.Count + 2} has {row.Length} fields; the header has {header.Length}.");
            }

            rows.Add(row);
        }

        return new CsvTable(header, rows);
    }
}
