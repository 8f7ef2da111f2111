using System.Text.Json;

namespace Pipeline.Ml.Ingest;

/// <summary>
/// A paged HTTP JSON API: GET <c>url?page=N&amp;page_size=M</c> from the first page until a page has no items. A page is a
/// JSON array of objects or an object whose <c>items_field</c> holds that array. Pages are spooled to a temporary JSON
/// Lines file, then read like a <see cref="JsonLinesSource"/> (union of top-level scalar keys). The watermark is
/// filtered while reading.
/// </summary>
internal sealed class HttpJsonSource(IngestOptions options, string url) : IIngestSource
{
    private const int MaxPages = 1_000_000;

    /// <inheritdoc />
    public string Description { get; } = $"http {HttpPageClient.Redact(url)}";

    /// <inheritdoc />
    public SourceRows Open(WatermarkFilter? after, CancellationToken cancellationToken)
    {
        var spool = Path.Combine(Path.GetTempPath(), $"pipeline-ingest-{Path.GetRandomFileName()}.jsonl");
        try
        {
            using (var client = new HttpPageClient(options, Description))
            using (var writer = new StreamWriter(spool))
            {
                for (var page = options.FirstPage; page < options.FirstPage + MaxPages; page++)
                {
                    using var document = client.Get(PageUrl(page), cancellationToken);
                    if (WriteItems(document.RootElement, page, writer) == 0) break;
                }
            }
            var rows = new JsonLinesSource(spool, Description).Open(after, cancellationToken);
            return new SourceRows(rows.Columns, rows.Rows, new Spool(rows, spool));
        }
        catch
        {
            File.Delete(spool);
            throw;
        }
    }

    private string PageUrl(int page)
    {
        var query = $"{Uri.EscapeDataString(options.PageParam)}={page}";
        if (options.PageSizeParam.Length > 0) query += $"&{Uri.EscapeDataString(options.PageSizeParam)}={options.PageSize}";
        return url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
    }

    private int WriteItems(JsonElement root, int page, StreamWriter writer)
    {
        var items = root.ValueKind switch
        {
            JsonValueKind.Array => root,
            JsonValueKind.Object when root.TryGetProperty(options.ItemsField, out var field) && field.ValueKind == JsonValueKind.Array => field,
            _ => throw new IngestException(Description, $"page {page} is neither a JSON array nor an object with an array field '{options.ItemsField}' (set ingest.items_field)."),
        };
        var count = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
                throw new IngestException(Description, $"page {page} item {count + 1} is a JSON {item.ValueKind}, not an object.");
            // NOTE: re-serialised compactly so that one item is exactly one line of the spool.
            writer.WriteLine(JsonSerializer.Serialize(item));
            count++;
        }
        return count;
    }

    private sealed class Spool(SourceRows rows, string path) : IDisposable
    {
        public void Dispose()
        {
            rows.Dispose();
            File.Delete(path);
        }
    }
}
