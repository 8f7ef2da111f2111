using Microsoft.ML;
using Microsoft.ML.Data;

namespace Pipeline.Ml.Training;

/// <summary>
/// Loads a raw snapshot CSV (header row, quoted fields, empty = missing) with the column types of a model's input
/// schema, as saved in featurizer.zip or model.zip, so a stage can read its rows without knowing the loader the
/// featurizer was fitted with.
/// </summary>
public static class RawCsv
{
    /// <summary>Loads <paramref name="csvPath"/> typed by <paramref name="inputSchema"/>; fails naming a missing column.</summary>
    public static IDataView Load(MLContext ml, string csvPath, DataViewSchema inputSchema)
    {
        var header = ReadHeader(csvPath);
        var columns = inputSchema.Where(c => !c.IsHidden).Select(c =>
        {
            var index = Array.IndexOf(header, c.Name);
            return index < 0
                ? throw new InvalidDataException($"{csvPath}: the header has no column '{c.Name}' that the model reads. Header: {string.Join(", ", header)}.")
                : new TextLoader.Column(c.Name, KindOf(c, csvPath), index);
        }).ToArray();
        var loader = ml.Data.CreateTextLoader(new TextLoader.Options
        {
            Columns = columns,
            HasHeader = true,
            Separators = [','],
            AllowQuoting = true,
            ReadMultilines = true,
            MissingRealsAsNaNs = true,
        });
        return loader.Load(csvPath);
    }

    /// <summary>Loads a model zip and returns it with its input schema.</summary>
    public static (ITransformer Model, DataViewSchema InputSchema) LoadModel(MLContext ml, string modelPath)
    {
        using var stream = File.OpenRead(modelPath);
        var model = ml.Model.Load(stream, out var schema);
        return (model, schema);
    }

    private static DataKind KindOf(DataViewSchema.Column column, string csvPath) => column.Type.RawType switch
    {
        var t when t == typeof(float) => DataKind.Single,
        var t when t == typeof(double) => DataKind.Double,
        var t when t == typeof(bool) => DataKind.Boolean,
        var t when t == typeof(int) => DataKind.Int32,
        var t when t == typeof(long) => DataKind.Int64,
        var t when t == typeof(DateTime) => DataKind.DateTime,
        var t when t == typeof(ReadOnlyMemory<char>) => DataKind.String,
        _ => throw new InvalidDataException($"{csvPath}: column '{column.Name}' has type {column.Type}, which a CSV cannot hold."),
    };

    private static string[] ReadHeader(string csvPath)
    {
        using var reader = new StreamReader(csvPath);
        var line = reader.ReadLine() ?? throw new InvalidDataException($"{csvPath} is empty; expected a header row.");
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
