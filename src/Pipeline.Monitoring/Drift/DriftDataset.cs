namespace Pipeline.Monitoring.Drift;

/// <summary>An ordered set of named columns (reference or current data), independent of any file format.</summary>
public sealed class DriftDataset
{
    /// <summary>Creates a dataset; column names must be unique.</summary>
    public DriftDataset(IEnumerable<DatasetColumn> columns)
    {
        Columns = columns?.ToArray() ?? throw new ArgumentNullException(nameof(columns));
        var duplicate = Columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Column '{duplicate.Key}' appears more than once.");
        }
    }

    /// <summary>The columns in their original order.</summary>
    public IReadOnlyList<DatasetColumn> Columns { get; }

    /// <summary>The column with the given name, or null.</summary>
    public DatasetColumn? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);
}
