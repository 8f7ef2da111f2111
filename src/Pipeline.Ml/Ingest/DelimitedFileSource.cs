using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Ingest;

/// <summary>A CSV or TSV file read with <see cref="CsvSnapshotReader"/> (the watermark is filtered while reading).</summary>
internal sealed class DelimitedFileSource(string path, char delimiter) : IIngestSource
{
    /// <inheritdoc />
    public string Description => $"{(delimiter == '\t' ? "tsv" : "csv")} file {path}";

    /// <inheritdoc />
    public SourceRows Open(WatermarkFilter? after, CancellationToken cancellationToken)
    {
        FileSources.RequireFile(path, Description);
        var reader = new CsvSnapshotReader(path, delimiter);
        return new SourceRows(reader.Header, reader.ReadRows(), reader, () => reader.InvalidUtf8Sequences);
    }

    /// <summary>The delimiter for a path: explicit, else tab for <c>.tsv</c>/<c>.tab</c> or kind tsv, else comma.</summary>
    public static char DelimiterFor(string path, char? configured, IngestKind kind) =>
        configured ?? (kind == IngestKind.Tsv || path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tab", StringComparison.OrdinalIgnoreCase) ? '\t' : ',');
}
