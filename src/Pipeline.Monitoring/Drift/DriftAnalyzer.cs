namespace Pipeline.Monitoring.Drift;

/// <summary>
/// Compares a current dataset with a reference, column by column, and decides dataset-level drift.
/// Every reference column must exist in the current data; extra current columns are ignored.
/// </summary>
public sealed class DriftAnalyzer
{
    private readonly DriftOptions _options;

    /// <summary>Creates an analyzer; null options mean the Evidently-like defaults.</summary>
    public DriftAnalyzer(DriftOptions? options = null)
    {
        _options = options ?? new DriftOptions();
        if (_options.MinimumSampleSize < 1 || _options.Bins < 2 || _options.DatasetDriftShare is < 0 or > 1)
        {
            throw new ArgumentException("Drift options need MinimumSampleSize >= 1, Bins >= 2 and 0 <= DatasetDriftShare <= 1.");
        }
    }

    /// <summary>The drift report of <paramref name="current"/> against <paramref name="reference"/>.</summary>
    public DriftReport Analyze(DriftDataset reference, DriftDataset current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        var pairs = reference.Columns
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => (Reference: c, Current: current.Find(c.Name) ?? throw MissingColumn(c.Name, current)))
            .ToArray();
        foreach (var (r, c) in pairs)
        {
            ColumnDriftCalculator.Validate(r, c, _options);
        }

        // NOTE: columns are independent and each result lands in its own slot, so the parallel loop is deterministic.
        // One column at a time per core: each holds a few arrays of its row count (copies, sort keys), so the degree
        // bounds memory as well as contention.
        var computed = new ColumnDrift[pairs.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, pairs.Length, parallel, i => computed[i] = ColumnDriftCalculator.Compute(pairs[i].Reference, pairs[i].Current, _options));
        var results = computed.ToList();

        var drifted = Rank(results.Where(r => r.Drift).Select(r => r.Name));
        if (_options.FeatureImportance is not null)
        {
            for (var i = 0; i < results.Count; i++)
            {
                var rank = drifted.IndexOf(results[i].Name);
                if (rank >= 0) results[i] = results[i] with { ImportanceRank = rank + 1 };
            }
        }

        var tested = results.Count(r => !r.InsufficientData);
        var share = tested == 0 ? 0.0 : drifted.Count / (double)tested;
        return new DriftReport
        {
            Columns = results,
            DriftShare = share,
            DatasetDrift = tested > 0 && share >= _options.DatasetDriftShare,
            DriftShareThreshold = _options.DatasetDriftShare,
            DriftedColumns = drifted,
        };
    }

    /// <summary>The drift report between two CSV files (header + rows; kinds inferred across both).</summary>
    public DriftReport AnalyzeCsv(string referencePath, string currentPath)
    {
        var (reference, current) = Csv.CsvDatasetReader.ReadPair(referencePath, currentPath);
        return Analyze(reference, current);
    }

    private List<string> Rank(IEnumerable<string> names)
    {
        var importance = _options.FeatureImportance;
        return names
            .OrderByDescending(n => importance is not null && importance.TryGetValue(n, out var v) ? v : double.NegativeInfinity)
            .ThenBy(n => n, StringComparer.Ordinal)
            .ToList();
    }

    private static ArgumentException MissingColumn(string name, DriftDataset current) =>
        new($"Column '{name}' of the reference is missing from the current data. Current columns: " +
            $"{string.Join(", ", current.Columns.Select(c => c.Name))}.");
}
