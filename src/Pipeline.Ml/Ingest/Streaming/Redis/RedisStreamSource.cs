using System.Text.Json.Nodes;
using Pipeline.Ml.Data;
using StackExchange.Redis;

namespace Pipeline.Ml.Ingest.Streaming.Redis;

/// <summary>
/// A Redis stream read with XRANGE in pages of <c>ingest.page_size</c>, after the recorded entry id up to the stream's
/// last id when the read starts; each entry's fields become columns. Nothing is acknowledged or deleted. Entries that
/// were trimmed or deleted after the recorded position before this read are counted (from the stream's
/// <c>entries-added</c> counter) and fail the run, unless <c>ingest.allow_gap</c> accepts them as lost.
/// </summary>
internal sealed class RedisStreamSource : IStreamSource
{
    private readonly ConfigurationOptions _options;
    private readonly string _stream;
    private readonly int _pageSize;
    private readonly bool _allowGap;
    private ConnectionMultiplexer? _connection;

    public RedisStreamSource(string url, string stream, int pageSize, int timeoutSeconds, bool allowGap)
    {
        _options = RedisAddress.Parse(url, timeoutSeconds);
        _stream = stream;
        _pageSize = pageSize;
        _allowGap = allowGap;
        Description = $"redis stream {stream} at {RedisAddress.Describe(_options)}";
    }

    /// <inheritdoc />
    public string Kind => "redis-stream";

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public StreamRead Open(JsonNode? after, CancellationToken cancellationToken)
    {
        var from = after is null ? null : RedisStreamPosition.FromJson(after);
        var db = Connect().GetDatabase();
        var type = db.KeyType(_stream);
        if (type == RedisType.None)
            throw new IngestException(Description, $"the stream '{_stream}' does not exist. Check ingest.stream (and the database number in ingest.url); XADD creates a stream.");
        if (type != RedisType.Stream)
            throw new IngestException(Description, $"the key '{_stream}' holds a {type.ToString().ToLowerInvariant()}, not a stream. Check ingest.stream.");
        var info = db.StreamInfo(_stream);
        var to = new RedisStreamPosition(info.LastGeneratedId.ToString(), info.EntriesAdded);
        if (from is not null && to.EntriesAdded < from.EntriesAdded)
            throw new IngestException(Description, $"the stream was deleted and created again (it has had {to.EntriesAdded} entries added, fewer than the {from.EntriesAdded} recorded at {from.LastId}), so the recorded position means nothing in it; delete the snapshot and position.json to read it from the start.");
        var warnings = new List<string>();
        var end = from is not null && to.EntriesAdded == from.EntriesAdded ? from : to;
        return new StreamRead(Entries(db, from, end, warnings, cancellationToken), () => end.ToJson(), warnings);
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose() => _connection?.Dispose();

    private ConnectionMultiplexer Connect()
    {
        try
        {
            _connection ??= ConnectionMultiplexer.Connect(_options);
            // NOTE: Redis keeps a connection whose AUTH failed logged in as the default user; when that user needs no
            // password the commands would run as someone else, so a named user is checked.
            if (_options.User is { } user && (string?)_connection.GetDatabase().Execute("ACL", "WHOAMI") != user)
                throw AuthenticationFailed(null);
            return _connection;
        }
        catch (RedisConnectionException e) when (e.FailureType == ConnectionFailureType.AuthenticationFailure || e.Message.Contains("WRONGPASS", StringComparison.Ordinal) || e.Message.Contains("NOAUTH", StringComparison.Ordinal))
        {
            throw AuthenticationFailed(e);
        }
        catch (RedisConnectionException e)
        {
            throw new IngestException(Description, $"cannot connect ({e.FailureType}). Is redis-server running there, and is ingest.url right?", e);
        }
    }

    private IngestException AuthenticationFailed(Exception? cause) =>
        new(Description, "the server refused the user name or password. Check the credentials in ingest.url (redis://user:password@host:port).", cause);

    private IEnumerable<StreamEntry> Entries(IDatabase db, RedisStreamPosition? from, RedisStreamPosition end, List<string> warnings, CancellationToken cancellationToken)
    {
        if (from is not null && from.LastId == end.LastId) yield break;
        RedisValue min = from is null ? "-" : "(" + from.LastId;
        long read = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = db.StreamRange(_stream, min, end.LastId, _pageSize);
            foreach (var entry in page)
            {
                read++;
                var fields = new KeyValuePair<string, string?>[entry.Values.Length];
                for (var i = 0; i < fields.Length; i++)
                    fields[i] = KeyValuePair.Create(entry.Values[i].Name.ToString(), SnapshotValue.Format((string?)entry.Values[i].Value));
                yield return StreamEntry.Of(entry.Id.ToString(), fields);
            }
            if (page.Length < _pageSize) break;
            min = "(" + page[^1].Id;
        }
        var missed = end.EntriesAdded - (from?.EntriesAdded ?? 0) - read;
        if (missed <= 0) yield break;
        if (from is null)
        {
            warnings.Add($"{Description}: {missed} entries were trimmed or deleted before this first read; the snapshot starts at the oldest entry kept.");
        }
        else if (_allowGap)
        {
            warnings.Add($"{Description}: {missed} entries added after {from.LastId} were trimmed or deleted before they were read; accepted as lost (ingest.allow_gap).");
        }
        else
        {
            throw new IngestException(Description, $"{missed} entries added after the recorded position {from.LastId} were trimmed or deleted before they could be read, so they are missing. Keep the stream longer (XADD MAXLEN/MINID) and set ingest.allow_gap=true for one run to accept the gap; the previous snapshot is unchanged.");
        }
    }
}
