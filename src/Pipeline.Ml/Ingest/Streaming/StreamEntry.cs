namespace Pipeline.Ml.Ingest.Streaming;

/// <summary>
/// One entry of a stream: where it is (entry id, or file and line), and its fields (name → value, null = missing) or,
/// when it could not be parsed, the <see cref="Reason"/> and raw <see cref="Text"/> that go to the ingest quarantine.
/// </summary>
internal readonly record struct StreamEntry(string Where, IReadOnlyList<KeyValuePair<string, string?>>? Fields, string? Reason, string? Text)
{
    /// <summary>A parsed entry.</summary>
    public static StreamEntry Of(string where, IReadOnlyList<KeyValuePair<string, string?>> fields) => new(where, fields, null, null);

    /// <summary>An entry that could not be parsed.</summary>
    public static StreamEntry Reject(string where, string reason, string text) => new(where, null, reason, text);
}
