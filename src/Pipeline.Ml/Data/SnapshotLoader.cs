using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Formats.Columns;
using Pipeline.Formats.Csv;

namespace Pipeline.Ml.Data;

/// <summary>
/// Loads a snapshot into ML.NET as a lazily streamed <see cref="IDataView"/> (TextLoader: header, RFC 4180 quoting,
/// multi-line quoted fields, no sparse rows) and is the one loader every ML stage uses (the featurizer fits on its
/// output; featurizer.zip and model.zip keep that input schema, which types the CSV for Train and Evaluate). The view
/// has the requested columns in that order, each read from the header column of the same name (so extra or reordered
/// file columns do not matter). Column types from a <see cref="DatasetSchema"/>:
/// Numeric → Single (empty = NaN, which the featurizer imputes);
/// Categorical, Boolean, Text and Date → String (empty = empty text);
/// the key column → String (ids must not lose digits in a float);
/// the label → String for classification (the featurizer maps the classes), Single for regression.
/// </summary>
// NOTE: Boolean loads as String, not Boolean: ML.NET has no missing Boolean (an empty field would read as false, a
// silent imputation), and the featurizer one-hot encodes Boolean columns over the schema's domain like categoricals.
public static class SnapshotLoader
{
    /// <summary>Loads <paramref name="csvPath"/> with the column types of <paramref name="schema"/>.</summary>
    public static IDataView Load(MLContext ml, string csvPath, DatasetSchema schema, char delimiter = ',')
    {
        var header = Header(csvPath, delimiter);
        var columns = schema.Columns.Select(c => new TextLoader.Column(c.Name, KindOf(c, schema),
            IndexOf(header, c.Name, csvPath, "of the schema", "Re-run Validate or fix data/schema.yaml."))).ToArray();
        return ml.Data.LoadFromTextFile(csvPath, Options(columns, delimiter));
    }

    /// <summary>
    /// Loads <paramref name="csvPath"/> with the column types of a model's input schema (as saved in featurizer.zip or
    /// model.zip, see <see cref="Features.ModelZip.Load"/>); fails naming a column the header lacks.
    /// </summary>
    public static IDataView Load(MLContext ml, string csvPath, DataViewSchema inputSchema, char delimiter = ',')
    {
        var header = Header(csvPath, delimiter);
        var columns = inputSchema.Where(c => !c.IsHidden).Select(c => new TextLoader.Column(c.Name, KindOf(c, csvPath),
            IndexOf(header, c.Name, csvPath, "that the model reads", "Re-run Featurize and Train on this data's schema."))).ToArray();
        return ml.Data.LoadFromTextFile(csvPath, Options(columns, delimiter));
    }

    /// <summary>The ML.NET type a column of <paramref name="schema"/> is loaded as.</summary>
    public static DataKind KindOf(ColumnSchema column, DatasetSchema schema)
    {
        if (column.Name == schema.Label) return schema.Task.HasNumericLabel() ? DataKind.Single : DataKind.String;
        if (column.Name == schema.Key) return DataKind.String;
        return column.Kind == ColumnKind.Numeric ? DataKind.Single : DataKind.String;
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

    private static TextLoader.Options Options(TextLoader.Column[] columns, char delimiter) => new()
    {
        Columns = columns,
        Separators = [delimiter],
        HasHeader = true,
        AllowQuoting = true,
        AllowSparse = false,
        ReadMultilines = true,
        MissingRealsAsNaNs = true,
        TrimWhitespace = false,
    };

    private static IReadOnlyList<string> Header(string csvPath, char delimiter)
    {
        using var reader = new CsvSnapshotReader(csvPath, delimiter);
        return reader.Header;
    }

    private static int IndexOf(IReadOnlyList<string> header, string name, string csvPath, string role, string fix)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i] == name) return i;
        }
        throw new InvalidDataException($"{csvPath}: column '{name}' {role} is not in the snapshot header ({string.Join(", ", header)}). {fix}");
    }
}
