using System.Runtime.InteropServices;
using Pipeline.Formats.Columns;
using Pipeline.Monitoring.Statistics;

namespace Pipeline.Monitoring.Drift;

/// <summary>One named column of a dataset: numbers (null = missing) or labels (null = missing), with its <see cref="ColumnKind"/>.</summary>
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

    /// <summary>Numeric (values in <see cref="Numbers"/>) or a kind of labels (values in <see cref="Labels"/>).</summary>
    public ColumnKind Kind { get; }

    /// <summary>The values of a numeric column (null for a categorical one).</summary>
    public IReadOnlyList<double?>? Numbers { get; }

    /// <summary>The values of a label column (null for a numeric one); a Boolean column's are "true" and "false".</summary>
    public IReadOnlyList<string?>? Labels { get; }

    /// <summary>A numeric column; null and NaN are missing values.</summary>
    public static DatasetColumn Numeric(string name, IReadOnlyList<double?> values) =>
        new(name, ColumnKind.Numeric, values ?? throw new ArgumentNullException(nameof(values)), null);

    /// <summary>
    /// A column of labels (null is a missing value) of any kind but <see cref="ColumnKind.Numeric"/>: Categorical by
    /// default, or Boolean, Text or Date as <see cref="ColumnKindInference"/> found it. Every such kind drifts by its labels but Text,
    /// which drifts by its words (<see cref="DriftMethod.DomainClassifier"/>).
    /// </summary>
    public static DatasetColumn Categorical(string name, IReadOnlyList<string?> values, ColumnKind kind = ColumnKind.Categorical) =>
        kind == ColumnKind.Numeric
            ? throw new ArgumentException($"Column '{name}' is numeric; use DatasetColumn.Numeric for it.", nameof(kind))
            : new(name, kind, null, values ?? throw new ArgumentNullException(nameof(values)));

    /// <summary>The present numeric values, in row order.</summary>
    internal double[] PresentNumbers()
    {
        var numbers = Numbers ?? throw new InvalidOperationException($"Column '{Name}' is categorical.");
        var present = GC.AllocateUninitializedArray<double>(numbers.Count);
        var count = 0;
        // NOTE: a plain loop over the array (no LINQ, no interface enumerator) is the hot path of drift at 1M rows.
        if (numbers is double?[] array)
        {
            foreach (var v in array)
            {
                if (v is { } x && !double.IsNaN(x)) present[count++] = x;
            }
        }
        else
        {
            for (var i = 0; i < numbers.Count; i++)
            {
                if (numbers[i] is { } x && !double.IsNaN(x)) present[count++] = x;
            }
        }

        if (count < present.Length) Array.Resize(ref present, count);
        return present;
    }

    /// <summary>The present numeric values, ascending (one pass from the column straight into radix keys).</summary>
    internal double[] SortedPresentNumbers()
    {
        if (Numbers is double?[] array) return RadixSort.SortedPresent(array);
        var present = PresentNumbers();
        RadixSort.Sort(present);
        return present;
    }

    /// <summary>Population standard deviation of the present values.</summary>
    internal double PresentPopulationStd()
    {
        var numbers = Numbers as double?[] ?? [.. Numbers ?? throw new InvalidOperationException($"Column '{Name}' is categorical.")];
        // NOTE: sequential sums in row order, the same operations as LINQ Average and Sum over the present values.
        double sum = 0.0, squares = 0.0;
        var count = 0;
        foreach (var v in numbers)
        {
            if (v is { } x && !double.IsNaN(x)) (sum, count) = (sum + x, count + 1);
        }

        var mean = sum / count;
        foreach (var v in numbers)
        {
            if (v is { } x && !double.IsNaN(x)) squares += (x - mean) * (x - mean);
        }

        return Math.Sqrt(squares / count);
    }

    /// <summary>The present labels, in row order.</summary>
    internal string[] PresentLabels()
    {
        var labels = Labels ?? throw new InvalidOperationException($"Column '{Name}' is numeric.");
        var present = new string[labels.Count];
        var count = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] is { } label) present[count++] = label;
        }

        if (count < present.Length) Array.Resize(ref present, count);
        return present;
    }

    /// <summary>Occurrences of each present label (ordinal), counted in one pass without copying the labels.</summary>
    internal Dictionary<string, int> CountLabels()
    {
        var labels = Labels as string?[] ?? [.. Labels ?? throw new InvalidOperationException($"Column '{Name}' is numeric.")];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        string? last = null;
        var lastCount = 0;
        foreach (var value in labels)
        {
            if (value is not { } label) continue;
            // NOTE: runs of the same string instance (common in generated or sorted data) skip the hash lookup.
            if (ReferenceEquals(label, last))
            {
                lastCount++;
                continue;
            }

            if (last is not null) CollectionsMarshal.GetValueRefOrAddDefault(counts, last, out _) += lastCount;
            (last, lastCount) = (label, 1);
        }

        if (last is not null) CollectionsMarshal.GetValueRefOrAddDefault(counts, last, out _) += lastCount;
        return counts;
    }
}
