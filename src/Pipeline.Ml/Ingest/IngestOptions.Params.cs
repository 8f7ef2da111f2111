using Pipeline.Formats.Params;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Ingest;

/// <summary>Reading <see cref="IngestOptions"/> from the <c>ingest</c> section of params.yaml.</summary>
public sealed partial record IngestOptions
{
    /// <summary>The documented keys of the <c>ingest</c> section.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "kind", "path", "delimiter", "query", "table", "connection", "url", "page_param", "page_size_param", "page_size",
        "first_page", "items_field", "timeout_seconds", "max_retries", "retry_delay_ms", "seed", "watermark", "feedback",
        "stream", "allow_gap", "interval", "trigger_rows", "trigger",
    ];

    /// <summary>
    /// Options from the <c>ingest</c> section, keys relative to it (<c>kind</c>, <c>page_size</c> …), values as text.
    /// An unknown key or a bad value is a <see cref="ParamException"/> naming the key and the accepted values.
    /// </summary>
    public static IngestOptions FromParams(IReadOnlyDictionary<string, string> section)
    {
        var s = new ParamSection("ingest", section, Keys);
        var o = new IngestOptions();
        return o with
        {
            // NOTE: kinds are written with a hyphen in the docs (redis-stream); Choice accepts snake_case.
            Kind = s.Text("kind") is { } kind ? ParamValue.Choice<IngestKind>(s.Dotted("kind"), kind.Replace('-', '_')) : o.Kind,
            Path = s.Text("path"),
            // NOTE: a tab is whitespace, so the delimiter is read untrimmed.
            Delimiter = s.Text("delimiter") is null && section.GetValueOrDefault("delimiter") != "\t" ? null : ParseDelimiter(section["delimiter"]),
            Query = s.Text("query"),
            Table = s.Text("table") ?? o.Table,
            Connection = s.Text("connection"),
            Url = s.Text("url"),
            PageParam = s.Text("page_param") ?? o.PageParam,
            PageSizeParam = section.TryGetValue("page_size_param", out var sizeParam) ? sizeParam.Trim() : o.PageSizeParam,
            PageSize = s.Integer("page_size", o.PageSize, min: 1),
            FirstPage = s.Integer("first_page", o.FirstPage, min: 0),
            ItemsField = s.Text("items_field") ?? o.ItemsField,
            TimeoutSeconds = s.Integer("timeout_seconds", o.TimeoutSeconds, min: 1),
            MaxRetries = s.Integer("max_retries", o.MaxRetries, min: 0),
            RetryDelayMs = s.Integer("retry_delay_ms", o.RetryDelayMs, min: 0),
            Seed = s.Integer("seed", o.Seed, min: 0),
            Watermark = s.Text("watermark"),
            Feedback = s.Text("feedback"),
            Stream = s.Text("stream"),
            AllowGap = s.Boolean("allow_gap", o.AllowGap),
            Interval = s.Integer("interval", o.Interval, min: 1),
            TriggerRows = s.Integer("trigger_rows", o.TriggerRows, min: 1),
            Trigger = s.Text("trigger") ?? o.Trigger,
        };
    }

    private static char ParseDelimiter(string value) => value switch
    {
        "\\t" or "tab" or "\t" => '\t',
        { Length: 1 } => value[0],
        _ => throw ParamValue.Bad("ingest.delimiter", value, "one character, or 'tab' / '\\t'"),
    };
}
