using Microsoft.ML;
using Microsoft.ML.Data;

namespace Pipeline.Ml.Data;

/// <summary>
/// Loads a snapshot into ML.NET as a lazily streamed <see cref="IDataView"/> (TextLoader: header, RFC 4180 quoting,
/// multi-line quoted fields, no sparse rows). Column types:
/// Numeric → Single (empty = NaN); Boolean → Boolean (TextLoader reads true/false, yes/no, y/n, t/f, 1/0; ML.NET has no
/// missing Boolean, so an empty field reads as false — Validate quarantines or imputes those first);
/// Categorical, Text and Date → String; the key column → String (ids must not lose digits in a float);
/// the label → String for classification, Single for regression.
/// </summary>
public static class SnapshotLoader
{
    /// <summary>Loads <paramref name="csvPath"/> with the column types of <paramref name="schema"/>.</summary>
    public static IDataView Load(MLContext ml, string csvPath, DatasetSchema schema, char delimiter = ',')
    {
        IReadOnlyList<string> header;
        using (var reader = new CsvSnapshotReader(csvPath, delimiter)) header = reader.Header;
        var columns = schema.Columns.Select(c => new TextLoader.Column(c.Name, KindOf(c, schema), IndexOf(header, c.Name, csvPath))).ToArray();
        var options = new TextLoader.Options
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
        return ml.Data.LoadFromTextFile(csvPath, options);
    }

    /// <summary>The ML.NET type a column of <paramref name="schema"/> is loaded as.</summary>
    public static DataKind KindOf(ColumnSchema column, DatasetSchema schema)
    {
        if (column.Name == schema.Label) return schema.Task == MlTask.Regression ? DataKind.Single : DataKind.String;
        if (column.Name == schema.Key) return DataKind.String;
        return column.Kind switch
        {
            ColumnKind.Numeric => DataKind.Single,
            ColumnKind.Boolean => DataKind.Boolean,
            _ => DataKind.String,
        };
    }

    private static int IndexOf(IReadOnlyList<string> header, string name, string csvPath)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i] == name) return i;
        }
        throw new InvalidDataException($"{csvPath}: column '{name}' of the schema is not in the snapshot header ({string.Join(", ", header)}). Re-run Validate or fix data/schema.yaml.");
    }
}
