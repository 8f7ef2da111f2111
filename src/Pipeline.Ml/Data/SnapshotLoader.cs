using Microsoft.ML;
using Microsoft.ML.Data;

namespace Pipeline.Ml.Data;

/// <summary>
/// Loads a snapshot into ML.NET as a lazily streamed <see cref="IDataView"/> (TextLoader: header, RFC 4180 quoting,
/// multi-line quoted fields, no sparse rows) and is the one loader every ML stage uses (the featurizer fits on its
/// output; featurizer.zip keeps that input schema). The view has the schema's columns in schema order, each read from
/// the header column of the same name (so extra or reordered file columns do not matter). Column types:
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
        return column.Kind == ColumnKind.Numeric ? DataKind.Single : DataKind.String;
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
