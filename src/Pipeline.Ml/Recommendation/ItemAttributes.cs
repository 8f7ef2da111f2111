using System.Buffers;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// The item side columns a recommender keeps for <c>filter</c> at serving time: every column of the training table
/// other than data.user, data.item, data.label and data.time whose value is the same on all of an item's rows (genre,
/// year, title). A column that varies within an item describes the interaction, not the item, and is left out. Values
/// are compared as text, exactly.
/// </summary>
internal sealed class ItemAttributes
{
    private ItemAttributes(string[] columns, string[][] values)
    {
        Columns = columns;
        Values = values;
        byValue = new Dictionary<string, int[]>?[columns.Length];
    }

    private readonly Dictionary<string, int[]>?[] byValue;

    /// <summary>None: a model without item side columns.</summary>
    public static ItemAttributes None { get; } = new([], []);

    /// <summary>The column names, in header order.</summary>
    public string[] Columns { get; }

    /// <summary>Per column, the value of each catalogue item ("" when missing).</summary>
    public string[][] Values { get; }

    public static ItemAttributes From(InteractionTable table, RecommendationColumns columns, IReadOnlyList<string> catalogue)
    {
        var kept = SideColumns.Constant(table, columns, perUser: false);
        return new ItemAttributes([.. kept.Select(k => k.Column)], [.. kept.Select(k => catalogue.Select(i => k.Values.GetValueOrDefault(i, "")).ToArray())]);
    }

    /// <summary>
    /// Marks NaN the <paramref name="scores"/> of the catalogue items that do not match <paramref name="filter"/> (every
    /// listed column must hold one of its values); nothing without a filter. A column that is not an item column is an
    /// <see cref="ArgumentException"/> naming the ones there are.
    /// </summary>
    // NOTE: through a per-column index of value → items, built on first use, so a request touches the items it keeps
    // and counts, not every item's value in a hash set.
    public void LeaveOut(IReadOnlyDictionary<string, IReadOnlyCollection<string>>? filter, Span<double> scores)
    {
        if (filter is null || filter.Count == 0) return;
        var rented = ArrayPool<int>.Shared.Rent(scores.Length);
        var matches = rented.AsSpan(0, scores.Length);
        matches.Clear();
        foreach (var (column, allowed) in filter)
        {
            var c = Array.IndexOf(Columns, column);
            if (c < 0)
                throw new ArgumentException(Columns.Length == 0
                    ? $"filter: '{column}' is not an item column; this model has none (item side columns are those of the training table whose value is the same on every row of an item)."
                    : $"filter: '{column}' is not an item column of this model; it has: {string.Join(", ", Columns)}.");
            foreach (var value in allowed.Distinct(StringComparer.Ordinal))
            {
                foreach (var i in ItemsWith(c).GetValueOrDefault(value, [])) matches[i]++;
            }
        }

        for (var i = 0; i < scores.Length; i++)
        {
            if (matches[i] != filter.Count) scores[i] = double.NaN;
        }

        ArrayPool<int>.Shared.Return(rented);
    }

    private Dictionary<string, int[]> ItemsWith(int column)
    {
        var index = byValue[column];
        if (index is not null) return index;
        index = Values[column].Select((value, i) => (value, i)).GroupBy(p => p.value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.i).ToArray(), StringComparer.Ordinal);
        return Interlocked.CompareExchange(ref byValue[column], index, null) ?? index;
    }

    public void Write(BinaryWriter writer)
    {
        ModelBinary.WriteStrings(writer, Columns);
        foreach (var column in Values) ModelBinary.WriteStrings(writer, column);
    }

    public static ItemAttributes Read(BinaryReader reader)
    {
        var columns = ModelBinary.ReadStrings(reader);
        return new ItemAttributes(columns, [.. columns.Select(_ => ModelBinary.ReadStrings(reader))]);
    }
}
