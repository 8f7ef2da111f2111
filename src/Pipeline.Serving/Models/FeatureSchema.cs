using Microsoft.ML;
using Pipeline.Ml.Data;

namespace Pipeline.Serving.Models;

/// <summary>
/// The features a served model reads, derived from its saved input schema (model.zip) minus the label and key
/// columns named by the registered schema.yaml; nullability comes from schema.yaml too (numbers default to nullable
/// when there is no schema.yaml, since NaN is how the featurizer sees a missing number).
/// </summary>
internal sealed class FeatureSchema
{
    private readonly Dictionary<string, FeatureColumn> byName;

    private FeatureSchema(DataViewSchema inputSchema, IReadOnlyList<FeatureColumn> columns)
    {
        InputSchema = inputSchema;
        Columns = columns;
        byName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>The model's full input schema (features plus label/key columns, which get missing values).</summary>
    /// <summary>No feature columns: a model that is not asked with feature rows (a recommender).</summary>
    public static FeatureSchema None { get; } = new(new DataViewSchema.Builder().ToSchema(), []);

    public DataViewSchema InputSchema { get; }

    /// <summary>The features in input-schema order.</summary>
    public IReadOnlyList<FeatureColumn> Columns { get; }

    /// <summary>The feature names joined for error messages.</summary>
    public string Names => string.Join(", ", Columns.Select(c => c.Name));

    /// <summary>Finds a feature by exact name.</summary>
    public FeatureColumn? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>Builds the feature schema; fails naming a feature column of a type a request cannot carry.</summary>
    public static FeatureSchema From(DataViewSchema inputSchema, DatasetSchema? dataset)
    {
        var columns = new List<FeatureColumn>();
        foreach (var column in inputSchema.Where(c => !c.IsHidden))
        {
            if (dataset is not null && (column.Name == dataset.Label || column.Name == dataset.Key))
            {
                continue;
            }

            var type = TypeOf(column);
            var declared = dataset?.Columns.FirstOrDefault(c => c.Name == column.Name);
            var nullable = declared?.Nullable ?? type is FeatureType.Single or FeatureType.Double;
            columns.Add(new FeatureColumn(column.Name, type, nullable, column.Index, columns.Count));
        }

        return new FeatureSchema(inputSchema, columns);
    }

    private static FeatureType TypeOf(DataViewSchema.Column column) => column.Type.RawType switch
    {
        var t when t == typeof(float) => FeatureType.Single,
        var t when t == typeof(double) => FeatureType.Double,
        var t when t == typeof(int) => FeatureType.Int32,
        var t when t == typeof(long) => FeatureType.Int64,
        var t when t == typeof(bool) => FeatureType.Boolean,
        var t when t == typeof(ReadOnlyMemory<char>) => FeatureType.Text,
        _ => throw new InvalidDataException($"The model reads column '{column.Name}' of type {column.Type}, which a prediction request cannot carry (scalars only)."),
    };
}
