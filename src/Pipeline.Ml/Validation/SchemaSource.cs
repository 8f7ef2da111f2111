using Pipeline.Ml.Data;

namespace Pipeline.Ml.Validation;

/// <summary>
/// Whether data/schema.yaml belongs to the snapshot's source. The schema's column set is the source's identity: a
/// snapshot that holds fewer than half of the schema's columns comes from another table (the schema was inferred from a
/// different dataset, e.g. the reference pipeline's, before params.yaml pointed elsewhere), and gets a schema of its own.
/// A snapshot that keeps at least half of them is the same source, so a dropped or renamed column stays a validation
/// error instead of being silently absorbed.
/// </summary>
internal static class SchemaSource
{
    /// <summary>Null when <paramref name="schema"/> describes the source of <paramref name="header"/>; else the one line saying why not.</summary>
    public static string? OtherSource(DatasetSchema schema, IReadOnlyList<string> header, string schemaPath)
    {
        var columns = new HashSet<string>(header, StringComparer.Ordinal);
        var shared = schema.Columns.Where(c => columns.Contains(c.Name)).Select(c => c.Name).ToList();
        if (shared.Count * 2 >= schema.Columns.Count) return null;
        var which = shared.Count == 0 ? "none" : string.Join(", ", shared);
        return $"{Path.GetFileName(schemaPath)} describes another source ({shared.Count} of its {schema.Columns.Count} columns are in the snapshot: {which}); "
            + "inferred a fresh schema from this source's columns. Commit it, and edit it to tighten or relax the checks.";
    }

    /// <summary>The inference options with <c>data.key</c> dropped when the snapshot has no such column, and the note saying so.</summary>
    public static (InferenceOptions Options, string? Note) WithKeyOf(InferenceOptions options, IReadOnlyList<string> header) =>
        options.Key is { } key && !header.Contains(key, StringComparer.Ordinal)
            ? (options with { Key = null }, $"data.key '{key}' is not a column of this source: its rows have no key, so the split is stratified by label and ingest.feedback is off. Set data.key to a unique column to key them.")
            : (options, null);
}
