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

    /// <summary>The dataset with the given columns numeric and the rest categorical.</summary>
    public DriftDataset ToDataset(ISet<string> numeric) => new(Header.Select(name => numeric.Contains(name)
        ? DatasetColumn.Numeric(name, Cells(name).Select(c => c.Length == 0
            ? (double?)null
            : double.Parse(c, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray())
        : DatasetColumn.Categorical(name, Cells(name).Select(c => c.Length == 0 ? null : c).ToArray())));
}
