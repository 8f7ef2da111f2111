using Pipeline.Formats.Columns;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Validation;

/// <summary>The row-level checks of one snapshot against a schema; keeps the state duplicate-key and null-rate checks need.</summary>
internal sealed class RowChecker
{
    private readonly DatasetSchema schema;
    private readonly ValidationOptions options;
    private readonly int[] sourceIndex;
    private readonly HashSet<string>[] domains;
    private readonly HashSet<string> labelClasses;
    private readonly IReadOnlySet<ulong> repeatedKeyHashes;
    private readonly HashSet<string> seenCandidateKeys = new(StringComparer.Ordinal);

    /// <summary>
    /// Maps schema columns onto the snapshot header (-1 = missing from the snapshot). <paramref name="repeatedKeyHashes"/>
    /// are the key hashes seen more than once in the snapshot (<see cref="KeyHashes"/>); only keys with one of them are kept.
    /// </summary>
    public RowChecker(DatasetSchema schema, SnapshotHeader header, ValidationOptions options, IReadOnlySet<ulong> repeatedKeyHashes)
    {
        this.schema = schema;
        this.repeatedKeyHashes = repeatedKeyHashes;
        this.options = options;
        sourceIndex = [.. schema.Columns.Select(c => header.Names.ToList().IndexOf(c.Name))];
        domains = [.. schema.Columns.Select(c => new HashSet<string>(c.Categories ?? [], StringComparer.Ordinal))];
        labelClasses = new HashSet<string>(schema.LabelClasses, StringComparer.Ordinal);
        Nulls = new long[schema.Columns.Count];
    }

    /// <summary>Missing values seen per schema column (missing columns count every row).</summary>
    public long[] Nulls { get; }

    /// <summary>Label values seen (classification), for the label-shift check.</summary>
    public Dictionary<string, long> LabelCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>The row's values in schema column order (null for missing columns).</summary>
    public string?[] Project(string?[] fields) => [.. sourceIndex.Select(i => i < 0 ? null : fields[i])];

    /// <summary>Runs every row-level check on one projected row (the key is checked for uniqueness only, not range or domain).</summary>
    public List<RowFailure> Check(string?[] values)
    {
        var failures = new List<RowFailure>();
        for (var i = 0; i < values.Length; i++)
        {
            var column = schema.Columns[i];
            var value = values[i];
            // NOTE: an empty label is no class at all; kept, it would be read as the negative class (or 0) and trained on.
            if (column.Name == schema.Label && string.IsNullOrWhiteSpace(value) && sourceIndex[i] >= 0)
            {
                Nulls[i]++;
                failures.Add(Fail(ValidationCheck.MissingLabel, i, column, value, always: true));
                continue;
            }
            if (value is null)
            {
                Nulls[i]++;
                if (!column.Nullable && sourceIndex[i] >= 0) failures.Add(Fail(ValidationCheck.NullInNonNullable, i, column, null, always: true));
                continue;
            }
            if (column.Name == schema.Label && !schema.Task.HasNumericLabel())
            {
                LabelCounts[value] = LabelCounts.GetValueOrDefault(value) + 1;
                if (!labelClasses.Contains(value)) failures.Add(Fail(ValidationCheck.UnknownLabelClass, i, column, value, always: true));
                continue;
            }
            if (!ColumnValue.Fits(value, column.Kind)) { failures.Add(Fail(ValidationCheck.TypeError, i, column, value, always: true)); continue; }
            if (column.Name == schema.Key)
            {
                if (IsRepeat(value)) failures.Add(Fail(ValidationCheck.DuplicateKey, i, column, value, always: true));
                continue;
            }
            if (column.Kind == ColumnKind.Numeric && OutOfRange(column, value)) failures.Add(Fail(ValidationCheck.OutOfRange, i, column, value, always: false));
            if (column.Kind is ColumnKind.Categorical or ColumnKind.Boolean && column.Categories is not null && !domains[i].Contains(value))
                failures.Add(Fail(ValidationCheck.UnseenCategory, i, column, value, always: false));
        }
        return failures;
    }

    // NOTE: a key whose hash was seen once in the whole snapshot is unique; the others are confirmed by string equality.
    private bool IsRepeat(string key) =>
        repeatedKeyHashes.Contains(KeyHashes.Hash(key)) && !seenCandidateKeys.Add(key);

    private bool OutOfRange(ColumnSchema column, string value)
    {
        if (column.Min is not { } min || column.Max is not { } max) return false;
        ColumnValue.TryNumber(value, out var number);
        var slack = (max - min) * options.RangeTolerance;
        return number < min - slack || number > max + slack;
    }

    private RowFailure Fail(ValidationCheck check, int order, ColumnSchema column, string? value, bool always) =>
        new(check, order, column.Name, value, always || options.SeverityOf(check) == FindingSeverity.Error);
}
