using Pipeline.Formats.Columns;
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

    /// <summary>The columns collected.</summary>
    public int Count => positions.Length;

    /// <summary>The field position of each collected column.</summary>
    public IReadOnlyList<int> Positions => positions;

    /// <summary>
    /// Adds <paramref name="term"/> to column <paramref name="i"/>'s terms unless it is there (or the column is full): offer
    /// each value at its first occurrence in row order (offering one again is harmless).
    /// </summary>
    public void Add(int i, string term)
    {
        if (terms[i].Count < MaxTerms && seen[i].Add(term)) terms[i].Add(term);
    }
}
