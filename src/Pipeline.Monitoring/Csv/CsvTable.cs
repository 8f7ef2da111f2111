using Pipeline.Formats.Columns;
using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Csv;

/// <summary>A parsed CSV file: header and rows of raw cells.</summary>
internal sealed record CsvTable(string[] Header, List<string[]> Rows)
{
    /// <summary>The raw cells of one column.</summary>
    public IEnumerable<string> Cells(string name)
    {
        var index = Array.IndexOf(Header, name);
        return Rows.Select(r => r[index]);
    }

    // NOTE: dates identify when a row happened, not what it is: later traffic always "drifts" in them, as Evidently's
    // default of leaving datetime columns out of data drift recognises, so they are left out of the dataset.
    /// <summary>
    /// The dataset with each column read as its kind in <paramref name="kinds"/>: numbers, "true"/"false" for Boolean,
    /// the cells as labels otherwise; Date columns are left out. A blank cell, or one that does not fit the kind, is missing.
    /// </summary>
    public DriftDataset ToDataset(IReadOnlyDictionary<string, ColumnKind> kinds) =>
        new(Header.Where(name => kinds[name] != ColumnKind.Date).Select(name => kinds[name] switch
        {
            ColumnKind.Numeric => DatasetColumn.Numeric(name, Cells(name).Select(c => ColumnValue.TryNumber(c, out var n) ? n : (double?)null).ToArray()),
            ColumnKind.Boolean => DatasetColumn.Categorical(name, Cells(name).Select(ColumnValue.BooleanText).ToArray(), ColumnKind.Boolean),
            var kind => DatasetColumn.Categorical(name, Cells(name).Select(c => string.IsNullOrWhiteSpace(c) ? null : c).ToArray(), kind),
        }));
}
