using Pipeline.Formats.Columns;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Validation;

/// <summary>
/// Infers a <see cref="DatasetSchema"/> from a CSV snapshot in one streaming pass. Column kinds follow
/// <see cref="ColumnKindInference"/> (over every row, not a sample) unless forced by <see cref="InferenceOptions.Kinds"/>;
/// the label is Categorical for classification (so a 0/1 label gives classes "0" and "1") and Numeric for regression.
/// </summary>
public static class SchemaInference
{
    /// <summary>
    /// Reads <paramref name="csvPath"/> and infers each column's kind, nullability, null rate, numeric range and
    /// categorical domain, plus the label classes and distribution for classification.
    /// </summary>
    public static DatasetSchema Infer(string csvPath, string label, MlTask task, InferenceOptions? options = null) =>
        Infer(csvPath, label, task, options ?? new InferenceOptions(), keys: null);

    /// <summary>As the public overload; also records the key column's values in <paramref name="keys"/> in the same pass.</summary>
    internal static DatasetSchema Infer(string csvPath, string label, MlTask task, InferenceOptions options, KeyHashes? keys)
    {
        using var reader = new CsvSnapshotReader(csvPath);
        var header = SnapshotHeader.Parse(csvPath, reader.Header);
        // NOTE: a recommendation task without data.label (implicit feedback) has no label column.
        var labelIndex = label.Length == 0 && task == MlTask.Recommendation ? -1 : header.IndexOf(label, csvPath, "data.label");
        var observations = header.Names
            .Select((name, i) => new ColumnObservation(name, i == labelIndex ? options.MaxLabelClasses : options.MaxCategories))
            .ToArray();
        var keyIndex = options.Key is { } key ? header.IndexOf(key, csvPath, "data.key") : -1;
        long rows = 0;
        foreach (var fields in reader.ReadRows())
        {
            for (var i = 0; i < observations.Length; i++) observations[i].Add(fields[i]);
            if (keyIndex >= 0) keys?.Add(fields[keyIndex]);
            rows++;
        }

        var columns = observations.Select(o => Describe(o, rows, o.Name == label, task, options)).ToList();
        var schema = new DatasetSchema(columns, label, task) { Key = options.Key };
        return task.HasNumericLabel() ? schema : WithClasses(schema, observations[labelIndex], csvPath, options);
    }

    private static ColumnSchema Describe(ColumnObservation o, long rows, bool isLabel, MlTask task, InferenceOptions options)
    {
        var kind = options.Kinds.TryGetValue(o.Name, out var forced) ? forced : o.Kind(options.TextMinLength);
        if (isLabel) kind = task.HasNumericLabel() ? ColumnKind.Numeric : ColumnKind.Categorical;
        var range = kind == ColumnKind.Numeric ? o.NumericRange : null;
        return new ColumnSchema(o.Name, kind)
        {
            Nullable = o.Nulls > 0,
            NullRate = rows == 0 ? 0 : (double)o.Nulls / rows,
            Min = range?.Min,
            Max = range?.Max,
            Categories = kind is ColumnKind.Categorical or ColumnKind.Boolean
                ? o.Domain(isLabel ? options.MaxLabelClasses : options.MaxCategories)
                : null,
        };
    }

    private static DatasetSchema WithClasses(DatasetSchema schema, ColumnObservation label, string csvPath, InferenceOptions options)
    {
        if (label.DomainOverflow)
            throw new InvalidDataException($"{csvPath}: label '{label.Name}' has more than {options.MaxLabelClasses} classes; is data.task '{schema.Task.ToString().ToLowerInvariant()}' right (regression?)");
        var classes = label.Counts.Keys.Order(StringComparer.Ordinal).ToList();
        if (schema.Task == MlTask.Binary && classes.Count != 2)
            throw new InvalidDataException($"{csvPath}: a binary label needs exactly 2 classes but '{label.Name}' has {classes.Count}: {string.Join(", ", classes.Take(10))}. Set data.task to multiclass or pick another label.");
        if (options.PositiveClass is { } positive && !classes.Contains(positive, StringComparer.Ordinal))
            throw new InvalidDataException($"{csvPath}: positive class '{positive}' is not a class of '{label.Name}'. Classes: {string.Join(", ", classes)}.");
        var total = (double)Math.Max(1, label.Values);
        var distribution = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (value, count) in label.Counts) distribution[value] = count / total;
        return schema with
        {
            LabelClasses = classes,
            PositiveClass = schema.Task == MlTask.Binary ? options.PositiveClass ?? classes[1] : null,
            LabelDistribution = distribution,
        };
    }
}
