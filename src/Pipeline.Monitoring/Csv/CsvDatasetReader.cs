using Pipeline.Formats.Columns;
using Pipeline.Formats.Csv;
using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Csv;

/// <summary>
/// Reads a reference and a current CSV file (header row, then data rows) into two <see cref="DriftDataset"/>s. Each
/// column's kind is the pipeline's one rule (<see cref="ColumnKindInference"/>, as Validate's schema): Numeric columns
/// drift as numbers, Date columns are left out, every other kind (Categorical, Boolean, Text) drifts as labels. Blank
/// cells are missing values.
/// </summary>
internal static class CsvDatasetReader
{
    /// <summary>Reads both files and infers one kind per column across them.</summary>
    public static (DriftDataset Reference, DriftDataset Current) ReadPair(string referencePath, string currentPath)
    {
        var reference = ReadTable(referencePath);
        var current = ReadTable(currentPath);
        var kinds = new Dictionary<string, ColumnKind>(StringComparer.Ordinal);
        foreach (var name in reference.Header.Concat(current.Header).Distinct(StringComparer.Ordinal))
        {
            var referenceCells = reference.Header.Contains(name) ? reference.Cells(name) : [];
            var currentCells = current.Header.Contains(name) ? current.Cells(name) : [];
            kinds[name] = ColumnKindInference.InferKind(referenceCells.Concat(currentCells));
        }

        return (reference.ToDataset(kinds), current.ToDataset(kinds));
    }

    /// <summary>Reads one file, inferring kinds from that file alone.</summary>
    public static DriftDataset Read(string path)
    {
        var table = ReadTable(path);
        return table.ToDataset(table.Header.ToDictionary(n => n, n => ColumnKindInference.InferKind(table.Cells(n)), StringComparer.Ordinal));
    }

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
