using Parquet;
using Parquet.Schema;

namespace Pipeline.Ml.Ingest;

/// <summary>
/// An Apache Parquet file read one row group at a time (Parquet.Net 6). Top-level scalar columns become snapshot
/// columns; nested and repeated fields are skipped. The watermark is filtered while reading.
/// </summary>
internal sealed class ParquetSource(string path) : IIngestSource
{
    /// <inheritdoc />
    public string Description => $"parquet file {path}";

    /// <inheritdoc />
    public SourceRows Open(WatermarkFilter? after, CancellationToken cancellationToken)
    {
        FileSources.RequireFile(path, Description);
        // NOTE: the stages are synchronous and Parquet.Net is async-only, so its calls are waited on here.
        var reader = ParquetReader.CreateAsync(path, cancellationToken: cancellationToken).GetAwaiter().GetResult();
        try
        {
            var fields = reader.Schema.Fields.OfType<DataField>().Where(f => !f.IsArray).ToArray();
            return new SourceRows(fields.Select(f => f.Name).ToArray(), Rows(reader, fields, cancellationToken), new ReaderOwner(reader));
        }
        catch
        {
            new ReaderOwner(reader).Dispose();
            throw;
        }
    }

    private static IEnumerable<string?[]> Rows(ParquetReader reader, DataField[] fields, CancellationToken cancellationToken)
    {
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var columns = fields.Select(f => ParquetColumn.ReadText(group, f, cancellationToken)).ToArray();
            for (var r = 0; r < group.RowCount; r++)
            {
                var row = new string?[fields.Length];
                for (var c = 0; c < fields.Length; c++) row[c] = columns[c][r];
                yield return row;
            }
        }
    }

    /// <summary>Closes the async-only Parquet reader from the synchronous dispose of <see cref="SourceRows"/>.</summary>
    private sealed class ReaderOwner(ParquetReader reader) : IDisposable
    {
        public void Dispose() => reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
