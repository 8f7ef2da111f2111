using Pipeline.Formats.Csv;

namespace Pipeline.Ml.Data;

/// <summary>
/// Infers a <see cref="ColumnKind"/> per column from the first <c>sampleRows</c> rows of a snapshot. Rules, in order,
/// over the non-missing values of a column:
/// <list type="number">
/// <item><b>Boolean</b>: every value is a truth word (true/false, yes/no, y/n, t/f, 1/0, any case) and there are at most
/// two distinct values ignoring case. A 0/1 column is therefore Boolean.</item>
/// <item><b>Numeric</b>: every value parses as a finite invariant-culture number (integers included).</item>
/// <item><b>Date</b>: every value is an ISO 8601 date or date-time (<c>2024-01-31</c>, <c>2024-01-31T08:00:00Z</c>, ...).</item>
/// <item><b>Text</b>: the values average at least <see cref="TextMinMeanWords"/> words or <see cref="TextMinMeanLength"/>
/// characters (free text), or there are more distinct values than the categorical limit.</item>
/// <item><b>Categorical</b>: otherwise; the limit is <c>max(20, min(5% of non-missing values, 1000))</c> distinct values,
/// so small tables keep up to 20 categories and large ones never one-hot more than 1000.</item>
/// </list>
/// A column with no value at all in the sample is Categorical (nothing says otherwise; it is all-missing). A field of
/// only whitespace counts as missing here. Validate's <c>SchemaInference</c> builds its schema on these same kinds.
/// </summary>
public static class ColumnTypeInference
{
    /// <summary>Rows read from the top of the file when no sample size is given.</summary>
    public const int DefaultSampleRows = 10_000;

    /// <summary>Mean word count from which a string column is free text.</summary>
    public const double TextMinMeanWords = 4;

    /// <summary>Mean length from which a string column is free text.</summary>
    public const double TextMinMeanLength = 40;

    /// <summary>The categorical distinct-value floor and cap.</summary>
    public const int CategoricalFloor = 20, CategoricalCap = 1000;

    /// <summary>Infers every column of the snapshot at <paramref name="csvPath"/>, in file order.</summary>
    public static IReadOnlyList<ColumnSchema> Infer(string csvPath, int sampleRows = DefaultSampleRows, char delimiter = ',')
    {
        using var reader = new CsvSnapshotReader(csvPath, delimiter);
        return Infer(reader.Header, reader.ReadRows(), sampleRows);
    }

    /// <summary>Infers the columns of streamed rows (only the first <paramref name="sampleRows"/> are read).</summary>
    public static IReadOnlyList<ColumnSchema> Infer(IReadOnlyList<string> header, IEnumerable<string?[]> rows, int sampleRows = DefaultSampleRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRows);
        var samples = header.Select(name => new ColumnSample(name, CategoricalCap + 1)).ToArray();
        foreach (var row in rows.Take(sampleRows))
        {
            for (var i = 0; i < samples.Length; i++) samples[i].Add(row[i]);
        }
        return samples.Select(ToSchema).ToArray();
    }

    /// <summary>The kind of one column of values (null = missing).</summary>
    public static ColumnKind InferKind(IEnumerable<string?> values)
    {
        var sample = new ColumnSample("values", CategoricalCap + 1);
        foreach (var value in values) sample.Add(value);
        return KindOf(sample);
    }

    /// <summary>
    /// The kind the evidence in <paramref name="s"/> supports, by the rules above; <paramref name="textMinMeanLength"/>
    /// overrides <see cref="TextMinMeanLength"/> (Validate's <c>validate.text_min_length</c>).
    /// </summary>
    internal static ColumnKind KindOf(ColumnSample s, double textMinMeanLength = TextMinMeanLength)
    {
        if (s.Present == 0) return ColumnKind.Categorical;
        if (s.AllBoolean && s.DistinctIgnoringCase <= 2) return ColumnKind.Boolean;
        if (s.AllNumeric) return ColumnKind.Numeric;
        if (s.AllDate) return ColumnKind.Date;
        if (s.MeanWords >= TextMinMeanWords || s.MeanLength >= textMinMeanLength) return ColumnKind.Text;
        var limit = Math.Max(CategoricalFloor, Math.Min((int)(0.05 * s.Present), CategoricalCap));
        return s.Distinct > limit ? ColumnKind.Text : ColumnKind.Categorical;
    }

    private static ColumnSchema ToSchema(ColumnSample s)
    {
        var kind = KindOf(s);
        var total = s.Present + s.Missing;
        return new ColumnSchema(s.Name, kind)
        {
            Nullable = s.Missing > 0,
            NullRate = total == 0 ? 0 : (double)s.Missing / total,
            Min = kind == ColumnKind.Numeric ? s.Min : null,
            Max = kind == ColumnKind.Numeric ? s.Max : null,
        };
    }
}
