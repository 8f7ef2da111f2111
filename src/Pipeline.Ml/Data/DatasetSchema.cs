namespace Pipeline.Ml.Data;

/// <summary>
/// The schema of a dataset snapshot (data/schema.yaml): columns in file order, the label column, the task and,
/// for classification, the label classes (sorted ordinal; for binary the second class is the positive one unless
/// <see cref="PositiveClass"/> says otherwise). <see cref="Key"/> names a column whose values must be unique, if any.
/// </summary>
public sealed record DatasetSchema(IReadOnlyList<ColumnSchema> Columns, string Label, MlTask Task)
{
    public IReadOnlyList<string> LabelClasses { get; init; } = [];
    public string? PositiveClass { get; init; }
    public string? Key { get; init; }

    /// <summary>The label's distribution in the reference data (class → share) for label-shift checks.</summary>
    public IReadOnlyDictionary<string, double> LabelDistribution { get; init; } = new Dictionary<string, double>();

    public ColumnSchema Column(string name) =>
        Columns.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"Column '{name}' is not in the schema. Columns: {string.Join(", ", Columns.Select(c => c.Name))}.");

    /// <summary>Every column but the label (and the key): what the model reads.</summary>
    public IEnumerable<ColumnSchema> Features => Columns.Where(c => c.Name != Label && c.Name != Key);
}
