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
    }

    /// <summary>None: a model without item side columns.</summary>
    public static ItemAttributes None { get; } = new([], []);

    /// <summary>The column names, in header order.</summary>
    public string[] Columns { get; }

    /// <summary>Per column, the value of each catalogue item ("" when missing).</summary>
    public string[][] Values { get; }

    public static ItemAttributes From(InteractionTable table, RecommendationColumns columns, IReadOnlyList<string> catalogue)
    {
        var index = InteractionMatrix.Index(catalogue);
        var reserved = new[] { columns.User, columns.Item, columns.Rating, columns.Time };
        var kept = new List<string>();
        var values = new List<string[]>();
        for (var c = 0; c < table.Header.Count; c++)
        {
            if (reserved.Contains(table.Header[c])) continue;
            var column = new string?[catalogue.Count];
            var constant = true;
            foreach (var x in table.Interactions)
            {
                if (!index.TryGetValue(x.Item, out var i)) continue;
                var value = table.Rows[x.Row][c] ?? "";
                if (column[i] is null) column[i] = value;
                else if (!string.Equals(column[i], value, StringComparison.Ordinal)) { constant = false; break; }
            }

            if (!constant) continue;
            kept.Add(table.Header[c]);
            values.Add([.. column.Select(v => v ?? "")]);
        }

        return new ItemAttributes([.. kept], [.. values]);
    }

    /// <summary>
    /// A mask of the catalogue items that do not match <paramref name="filter"/> (every listed column must hold one of its
    /// values); null when there is no filter. A column that is not an item column is an <see cref="ArgumentException"/>
    /// naming the ones there are.
    /// </summary>
    public bool[]? Mismatches(IReadOnlyDictionary<string, IReadOnlyCollection<string>>? filter, int items)
    {
        if (filter is null || filter.Count == 0) return null;
        var mask = new bool[items];
        foreach (var (column, allowed) in filter)
        {
            var c = Array.IndexOf(Columns, column);
            if (c < 0)
                throw new ArgumentException(Columns.Length == 0
                    ? $"filter: '{column}' is not an item column; this model has none (item side columns are those of the training table whose value is the same on every row of an item)."
                    : $"filter: '{column}' is not an item column of this model; it has: {string.Join(", ", Columns)}.");
            var set = allowed as IReadOnlySet<string> ?? allowed.ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < items; i++) mask[i] |= !set.Contains(Values[c][i]);
        }

        return mask;
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
