using System.Globalization;
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

    /// <summary>True when every non-empty cell of the column is an ISO 8601 date or time stamp (and one is not empty).</summary>
    public bool IsTimestamp(string name) =>
        Cells(name).Any(c => c.Length > 0) && Cells(name).All(c => c.Length == 0 || IsIsoDate(c));

    // NOTE: dates identify when a row happened, not what it is: later traffic always "drifts" in them, as Evidently's
    // default of leaving datetime columns out of data drift recognises, so they are left out of the dataset.
    /// <summary>The dataset with the given columns numeric, date columns left out, and the rest categorical.</summary>
    public DriftDataset ToDataset(ISet<string> numeric) => new(Header.Where(name => !IsTimestamp(name)).Select(name => numeric.Contains(name)
        ? DatasetColumn.Numeric(name, Cells(name).Select(c => c.Length == 0
            ? (double?)null
            : double.Parse(c, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray())
        : DatasetColumn.Categorical(name, Cells(name).Select(c => c.Length == 0 ? null : c).ToArray())));

    private static bool IsIsoDate(string cell) =>
        cell.Length >= 10 && char.IsAsciiDigit(cell[0]) && cell[4] == '-' && cell[7] == '-' &&
        DateTimeOffset.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
}
