namespace Pipeline.Monitoring.Drift;

/// <summary>One named column of a dataset: numbers (null = missing) or labels (null = missing).</summary>
public sealed class DatasetColumn
{
    private DatasetColumn(string name, ColumnKind kind, IReadOnlyList<double?>? numbers, IReadOnlyList<string?>? labels)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Kind = kind;
        Numbers = numbers;
        Labels = labels;
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>Numeric or categorical.</summary>
    public ColumnKind Kind { get; }

    /// <summary>The values of a numeric column (null for a categorical one).</summary>
    public IReadOnlyList<double?>? Numbers { get; }

    /// <summary>The values of a categorical column (null for a numeric one).</summary>
    public IReadOnlyList<string?>? Labels { get; }

    /// <summary>A numeric column; null and NaN are missing values.</summary>
    public static DatasetColumn Numeric(string name, IReadOnlyList<double?> values) =>
        new(name, ColumnKind.Numeric, values ?? throw new ArgumentNullException(nameof(values)), null);

    /// <summary>A categorical column; null is a missing value.</summary>
    public static DatasetColumn Categorical(string name, IReadOnlyList<string?> values) =>
        new(name, ColumnKind.Categorical, null, values ?? throw new ArgumentNullException(nameof(values)));

    /// <summary>The present numeric values.</summary>
    internal double[] PresentNumbers() =>
        (Numbers ?? throw new InvalidOperationException($"Column '{Name}' is categorical."))
            .Where(v => v is { } x && !double.IsNaN(x)).Select(v => v!.Value).ToArray();

    /// <summary>The present labels.</summary>
    internal string[] PresentLabels() =>
        (Labels ?? throw new InvalidOperationException($"Column '{Name}' is numeric."))
            .Where(v => v is not null).Select(v => v!).ToArray();
}
