namespace Pipeline.Ml.Ingest;

/// <summary>Makes source column names usable as snapshot headers.</summary>
internal static class ColumnNames
{
    /// <summary>Names with blanks replaced by <c>column_N</c> and repeats suffixed <c>_2</c>, <c>_3</c>, ...</summary>
    public static IReadOnlyList<string> Unique(IReadOnlyList<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new string[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var name = string.IsNullOrWhiteSpace(names[i]) ? $"column_{i + 1}" : names[i];
            var candidate = name;
            for (var n = 2; !seen.Add(candidate); n++) candidate = $"{name}_{n}";
            result[i] = candidate;
        }
        return result;
    }
}
