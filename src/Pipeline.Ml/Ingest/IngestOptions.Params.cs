using Pipeline.Ml.Data;

namespace Pipeline.Ml.Ingest;

/// <summary>Reading <see cref="IngestOptions"/> from flattened params.yaml values.</summary>
public sealed partial record IngestOptions
{
    private static readonly string[] Keys =
    [
        "kind", "path", "delimiter", "query", "table", "connection", "url", "page_param", "page_size_param", "page_size",
        "first_page", "items_field", "timeout_seconds", "max_retries", "retry_delay_ms", "seed", "watermark", "feedback",
    ];

    /// <summary>
    /// Options from the <c>ingest</c> section: keys with or without the <c>ingest.</c> prefix, values as text.
    /// Unknown keys and bad values throw <see cref="ArgumentException"/> naming the key and the accepted values.
    /// </summary>
    public static IngestOptions FromParams(IReadOnlyDictionary<string, string?> values)
    {
        var options = new IngestOptions();
        foreach (var (rawKey, value) in values)
        {
            var key = rawKey.StartsWith("ingest.", StringComparison.Ordinal) ? rawKey["ingest.".Length..] : rawKey;
            if (value is null) continue;
            options = key switch
            {
                "kind" => options with { Kind = ParamValue.Choice<IngestKind>("ingest.kind", value) },
                "path" => options with { Path = value },
                "delimiter" => options with { Delimiter = ParseDelimiter(value) },
                "query" => options with { Query = value },
                "table" => options with { Table = value },
                "connection" => options with { Connection = value },
                "url" => options with { Url = value },
                "page_param" => options with { PageParam = value },
                "page_size_param" => options with { PageSizeParam = value },
                "page_size" => options with { PageSize = ParamValue.Integer("ingest." + key, value, 1) },
                "first_page" => options with { FirstPage = ParamValue.Integer("ingest." + key, value, 0) },
                "items_field" => options with { ItemsField = value },
                "timeout_seconds" => options with { TimeoutSeconds = ParamValue.Integer("ingest." + key, value, 1) },
                "max_retries" => options with { MaxRetries = ParamValue.Integer("ingest." + key, value, 0) },
                "retry_delay_ms" => options with { RetryDelayMs = ParamValue.Integer("ingest." + key, value, 0) },
                "seed" => options with { Seed = ParamValue.Integer("ingest." + key, value, int.MinValue) },
                "watermark" => options with { Watermark = value.Length == 0 ? null : value },
                "feedback" => options with { Feedback = value.Length == 0 ? null : value },
                _ => throw new ArgumentException($"Unknown parameter 'ingest.{key}'. Known: {string.Join(", ", Keys.Select(k => "ingest." + k))}."),
            };
        }
        return options;
    }

    private static char ParseDelimiter(string value) => value switch
    {
        "\\t" or "tab" or "\t" => '\t',
        { Length: 1 } => value[0],
        _ => throw new ArgumentException($"ingest.delimiter '{value}' must be one character (or 'tab' / '\\t')."),
    };
}
