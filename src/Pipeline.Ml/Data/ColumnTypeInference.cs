using Pipeline.Formats.Columns;
using Pipeline.Formats.Csv;

namespace Pipeline.Ml.Data;

/// <summary>
/// Infers a <see cref="ColumnSchema"/> per column from the first <c>sampleRows</c> rows of a snapshot: the kind by the
/// pipeline's one rule (<see cref="ColumnKindInference"/>), with null rate and numeric range. Validate's
/// <c>SchemaInference</c> builds its schema on these same kinds.
/// </summary>
internal static class ColumnTypeInference
{
    /// <summary>Rows read from the top of the file when no sample size is given.</summary>
    public const int DefaultSampleRows = 10_000;

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
        var samples = header.Select(name => new ColumnSample(name)).ToArray();
        foreach (var row in rows.Take(sampleRows))
        {
            for (var i = 0; i < samples.Length; i++) samples[i].Add(row[i]);
        }
        return samples.Select(ToSchema).ToArray();
    }

    private static ColumnSchema ToSchema(ColumnSample s)
    {
        var kind = ColumnKindInference.KindOf(s);
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
