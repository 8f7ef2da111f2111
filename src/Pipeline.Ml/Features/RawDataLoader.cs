using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Features;

/// <summary>
/// Loads a snapshot CSV written in schema column order into ML.NET: numeric columns as Single (missing → NaN),
/// everything else as String; the label as String for classification and Single for regression.
/// </summary>
// NOTE: the lead will unify this with the Data/ loader; it only depends on the schema and the CSV conventions.
public static class RawDataLoader
{
    /// <summary>The ML.NET column type of <paramref name="column"/> in raw data.</summary>
    public static DataKind KindOf(DatasetSchema schema, ColumnSchema column) =>
        column.Name == schema.Label
            ? schema.Task == MlTask.Regression ? DataKind.Single : DataKind.String
            : column.Kind == ColumnKind.Numeric ? DataKind.Single : DataKind.String;

    /// <summary>A TextLoader for CSVs whose columns are <paramref name="schema"/>'s, in order, with a header row.</summary>
    public static TextLoader Create(MLContext ml, DatasetSchema schema) =>
        ml.Data.CreateTextLoader(new TextLoader.Options
        {
            Columns = [.. schema.Columns.Select((c, i) => new TextLoader.Column(c.Name, KindOf(schema, c), i))],
            HasHeader = true,
            Separators = [','],
            AllowQuoting = true,
            ReadMultilines = true,
            TrimWhitespace = false,
            MissingRealsAsNaNs = true,
        });

    /// <summary>Loads <paramref name="csvPath"/> lazily (streams from disk).</summary>
    public static IDataView Load(MLContext ml, DatasetSchema schema, string csvPath) => Create(ml, schema).Load(csvPath);
}
