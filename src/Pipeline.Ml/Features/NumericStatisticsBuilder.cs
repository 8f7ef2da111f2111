using Pipeline.Formats.Columns;
using Pipeline.Ml.Data;
using Pipeline.Ml.Profiles;

namespace Pipeline.Ml.Features;

/// <summary>
/// Accumulates <see cref="NumericStatistics"/> row by row (fields in schema column order), so the split's write pass
/// can feed it each train row instead of a separate pass over train.csv.
/// </summary>
internal sealed class NumericStatisticsBuilder
{
    private readonly IReadOnlyList<string> numeric;
    private readonly IReadOnlyList<DerivedFeature> derived;
    private readonly int[] columns;
    private readonly int[][] derivedInputs;
    private readonly ValueSample[] values;
    private readonly ValueCounts?[] counts;
    private readonly double[][] derivedRow;
    private double[]? parsed;
    private long rows;

    /// <summary>
    /// Summarises the <paramref name="numeric"/> columns of <paramref name="schema"/> plus the <paramref name="derived"/>
    /// features; the mode only when <paramref name="mode"/> (most_frequent imputation), else it is NaN.
    /// </summary>
    public NumericStatisticsBuilder(DatasetSchema schema, IReadOnlyList<string> numeric, IReadOnlyList<DerivedFeature> derived, bool mode)
    {
        this.numeric = numeric;
        this.derived = derived;
        var positions = schema.Columns.Select((c, i) => (c.Name, i)).ToDictionary(c => c.Name, c => c.i, StringComparer.Ordinal);
        columns = [.. numeric.Select(n => positions[n])];
        var inputs = numeric.Count + derived.Count;
        // NOTE: each input's sample is seeded by its position, so the statistics depend on the rows only.
        values = [.. Enumerable.Range(0, inputs).Select(i => new ValueSample(i, ValueSample.CapacityFor(inputs)))];
        counts = [.. values.Select(_ => mode ? new ValueCounts(ValueCounts.MaxDistinctFor(inputs)) : null)];
        var numericIndex = numeric.Select((n, i) => (n, i)).ToDictionary(n => n.n, n => n.i, StringComparer.Ordinal);
        derivedInputs = [.. derived.Select(d => d.Inputs.Select(i => numericIndex[i]).ToArray())];
        derivedRow = [.. derivedInputs.Select(inputs => new double[inputs.Length])];
    }

    /// <summary>The field positions of the numeric columns read (schema column order).</summary>
    public IReadOnlyList<int> Positions => columns;

    /// <summary>Adds one train row.</summary>
    public void Add(string?[] fields)
    {
        parsed ??= new double[fields.Length];
        foreach (var p in columns) parsed[p] = fields[p] is { } text && ColumnValue.TryNumber(text, out var v) ? v : double.NaN;
        Add(parsed);
    }

    /// <summary>Adds one train row already parsed: <paramref name="numbers"/>[p] is the number in field p (NaN when missing or not a number) for every p of <see cref="Positions"/>.</summary>
    public void Add(double[] numbers) => AddBlock(numbers, 1);

    /// <summary>
    /// Adds <paramref name="count"/> train rows already parsed, column by column: <paramref name="block"/>[p · count + r] is
    /// the number in field p of row r (NaN when missing or not a number) for every p of <see cref="Positions"/>.
    /// </summary>
    // NOTE: each column's sample sees its values in row order, as row-by-row adding would, so the results are the same;
    // going column by column touches each sample once per block instead of once per row (a cache miss per field on a
    // wide table).
    public void AddBlock(double[] block, int count)
    {
        AddColumns(block, count, (0, columns.Length));
        AddRows(block, count);
    }

    /// <summary>The part of <see cref="AddBlock"/> for the numeric columns <paramref name="range"/> (indexes into <see cref="Positions"/>); ranges may be added in parallel.</summary>
    public void AddColumns(double[] block, int count, (int From, int To) range)
    {
        for (var i = range.From; i < range.To; i++) AddColumn(i, block.AsSpan(columns[i] * count, count));
    }

    /// <summary>The sample of numeric column <paramref name="i"/> (an index into <see cref="Positions"/>): <see cref="AddColumn"/> adds each value to it as a float.</summary>
    public ValueSample Sample(int i) => values[i];

    /// <summary>The value counts of numeric column <paramref name="i"/> (null unless the mode is asked for).</summary>
    public ValueCounts? Tally(int i) => counts[i];

    /// <summary>Adds the values of numeric column <paramref name="i"/> (an index into <see cref="Positions"/>) of consecutive rows, NaN for missing ones; columns may be added in parallel.</summary>
    public void AddColumn(int i, ReadOnlySpan<double> numbers)
    {
        var sample = values[i];
        var tally = counts[i];
        foreach (var number in numbers)
        {
            if (double.IsNaN(number)) continue;
            double value = (float)number;
            sample.Add(value);
            tally?.Add(value);
        }
    }

    /// <summary>The rest of <see cref="AddBlock"/> once every column range is added: the row count and the derived features.</summary>
    public void AddRows(double[] block, int count)
    {
        rows += count;
        if (derived.Count == 0) return;
        for (var r = 0; r < count; r++)
        {
            for (var d = 0; d < derived.Count; d++)
            {
                for (var k = 0; k < derivedInputs[d].Length; k++)
                {
                    var number = block[columns[derivedInputs[d][k]] * count + r];
                    derivedRow[d][k] = double.IsNaN(number) ? double.NaN : (float)number;
                }
                var value = derived[d].Compute(derivedRow[d]);
                if (double.IsFinite(value)) { values[columns.Length + d].Add(value); counts[columns.Length + d]?.Add(value); }
            }
        }
    }

    /// <summary>The statistics of every input, numeric columns first, then derived features.</summary>
    public IReadOnlyList<NumericStatistics> Build() =>
        [.. values.Select((sample, i) => NumericStatistics.Summarise(i < numeric.Count ? numeric[i] : derived[i - numeric.Count].Name, rows, sample, counts[i]))];
}
