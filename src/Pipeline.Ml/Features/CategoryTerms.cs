using Pipeline.Formats.Columns;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Features;

/// <summary>
/// The distinct values of each categorical (and boolean) feature column of the train rows in order of first occurrence,
/// up to <see cref="MaxTerms"/> per column: the term maps ML.NET's one-hot encoding would build in a pass of its own.
/// </summary>
internal sealed class CategoryTerms
{
    /// <summary>Values kept per column (1,000,000, ML.NET's default <c>maximumNumberOfKeys</c>).</summary>
    public const int MaxTerms = 1_000_000;

    private readonly int[] positions;
    private readonly HashSet<string>[] seen;
    private readonly List<string>[] terms;

    /// <summary>Collects the categorical and boolean feature columns of <paramref name="schema"/> (fields in schema column order).</summary>
    public CategoryTerms(DatasetSchema schema)
    {
        var features = schema.Features.ToHashSet();
        Columns = [.. schema.Features.Where(IsCategorical).Select(c => c.Name)];
        positions = [.. schema.Columns.Select((c, i) => (c, i)).Where(c => features.Contains(c.c) && IsCategorical(c.c)).Select(c => c.i)];
        seen = [.. positions.Select(_ => new HashSet<string>(StringComparer.Ordinal))];
        terms = [.. positions.Select(_ => new List<string>())];
    }

    /// <summary>True for a column one-hot encoded as categorical.</summary>
    public static bool IsCategorical(ColumnSchema column) => column.Kind is ColumnKind.Categorical or ColumnKind.Boolean;

    /// <summary>The collected columns, in schema order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Each collected column's values in order of first occurrence (empty fields are not values).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Terms => terms;

    /// <summary>Adds train rows in order (column by column: each column's terms still follow the row order).</summary>
    public void AddBlock(CsvRows rows) => AddColumns(rows, (0, positions.Length));

    /// <summary>The columns collected (the range of <see cref="AddColumns"/>).</summary>
    public int Count => positions.Length;

    /// <summary>The part of <see cref="AddBlock"/> for the collected columns <paramref name="range"/>; ranges may be added in parallel.</summary>
    public void AddColumns(CsvRows rows, (int From, int To) range)
    {
        for (var i = range.From; i < range.To; i++)
        {
            var position = positions[i];
            var known = seen[i].GetAlternateLookup<ReadOnlySpan<char>>();
            for (var r = 0; r < rows.Count; r++)
            {
                var value = rows.Field(r, position);
                if (value.IsEmpty || terms[i].Count >= MaxTerms || known.Contains(value)) continue;
                var term = value.ToString();
                seen[i].Add(term);
                terms[i].Add(term);
            }
        }
    }
}
