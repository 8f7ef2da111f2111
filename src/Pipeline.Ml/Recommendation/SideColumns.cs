namespace Pipeline.Ml.Recommendation;

/// <summary>
/// The side columns of an interaction table: every column other than data.user, data.item, data.label and data.time
/// whose value is the same on all rows of one user (user side columns: age, country) or of one item (item side columns:
/// genre, year, title). A column that varies within a user or item describes the interaction and is not one of them.
/// </summary>
internal static class SideColumns
{
    /// <summary>
    /// The columns constant per <see cref="Interaction.User"/> (<paramref name="perUser"/>) or per item, each with its
    /// value by user or item id ("" when the row has none), in header order.
    /// </summary>
    public static List<(string Column, Dictionary<string, string> Values)> Constant(InteractionTable table, RecommendationColumns columns, bool perUser)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        var reserved = new[] { columns.User, columns.Item, columns.Rating, columns.Time };
        var kept = new List<(string, Dictionary<string, string>)>();
        for (var c = 0; c < table.Header.Count; c++)
        {
            if (reserved.Contains(table.Header[c])) continue;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var constant = true;
            foreach (var x in table.Interactions)
            {
                var key = perUser ? x.User : x.Item;
                var value = table.Rows[x.Row][c] ?? "";
                if (!values.TryAdd(key, value) && !string.Equals(values[key], value, StringComparison.Ordinal))
                {
                    constant = false;
                    break;
                }
            }

            if (constant) kept.Add((table.Header[c], values));
        }

        return kept;
    }
}
