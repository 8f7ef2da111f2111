using Pipeline.Ml.Ingest;
using StackExchange.Redis;

namespace Pipeline.Ml.Tests.Ingest.Streaming;

public sealed class RedisStreamIngestTests : IDisposable
{
    private readonly ConnectionMultiplexer _redis;
    private readonly IDatabase _db;
    private readonly string _stream = TestRedis.NewStream();
    private readonly StreamWorkspace _ws = new();

    public RedisStreamIngestTests()
    {
        _redis = ConnectionMultiplexer.Connect((TestRedis.Address ?? "127.0.0.1:1") + ",abortConnect=false,connectTimeout=2000");
        _db = _redis.GetDatabase();
    }

    private IngestOptions Options => new() { Kind = IngestKind.RedisStream, Url = $"redis://{TestRedis.Address}", Stream = _stream, PageSize = 2 };

    private string Add(int id, string amount, string? country = "FR") =>
        _db.StreamAdd(_stream, country is null ? [new("id", id), new("amount", amount)] : [new("id", id), new("amount", amount), new("country", country)])!;

    [RedisFact]
    public void Ingest_FirstRun_EveryEntryWithFieldsAsColumns()
    {
        Add(1, "10.5");
        Add(2, "3", country: null);
        var last = Add(3, "7.25", "a, \"b\"");

        var result = _ws.Ingest(Options);

        Assert.Equal(3, result.Appended);
        Assert.Equal("id,amount,country\n1,10.5,FR\n2,3,\n3,7.25,\"a, \"\"b\"\"\"\n", _ws.Text(_ws.Snapshot));
        Assert.Contains($"\"last_id\": \"{last}\"", _ws.Text(_ws.Position));
        Assert.Contains("\"entries_added\": 3", _ws.Text(_ws.Position));
        Assert.Equal("where,reason,text\n", _ws.Text(_ws.Rejected));
    }

    [RedisFact]
    public void Ingest_TwoRuns_PositionJsonGolden()
    {
        _db.StreamAdd(_stream, "id", 1, "1-0");
        _ws.Ingest(Options);
        _db.StreamAdd(_stream, "id", 2, "2-0");
        _db.StreamAdd(_stream, "id", 3, "5-1");

        _ws.Ingest(Options);

        Assert.Equal("id\n1\n2\n3\n", _ws.Text(_ws.Snapshot));
        Assert.Equal(
            $$"""
            {
              "kind": "redis-stream",
              "source": "redis stream {{_stream}} at {{TestRedis.Address}}",
              "from": {
                "last_id": "1-0",
                "entries_added": 1
              },
              "to": {
                "last_id": "5-1",
                "entries_added": 3
              },
              "appended": 2,
              "rows": 3,
              "rejected_appended": 0,
              "snapshot": {
                "bytes": 9,
                "md5": "{{Md5("id\n1\n2\n3\n")}}"
              },
              "rejected": {
                "bytes": 18,
                "md5": "{{Md5("where,reason,text\n")}}"
              }
            }

            """, _ws.Text(_ws.Position));
    }

    private static string Md5(string text) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    [RedisFact]
    public void Ingest_NewEntries_ExactlyTheNewOnesAppended()
    {
        Add(1, "1");
        Add(2, "2");
        _ws.Ingest(Options);
        Add(3, "3");
        Add(4, "4");
        Add(5, "5");

        var result = _ws.Ingest(Options);

        Assert.Equal(3, result.Appended);
        Assert.Equal(5, result.RowsTotal);
        Assert.Equal("id,amount,country\n1,1,FR\n2,2,FR\n3,3,FR\n4,4,FR\n5,5,FR\n", _ws.Text(_ws.Snapshot));
        Assert.Contains("\"appended\": 3", _ws.Text(_ws.Position));
    }

    [RedisFact]
    public void Ingest_NothingNew_OutputsByteIdentical()
    {
        Add(1, "1");
        _ws.Ingest(Options);
        var snapshot = File.ReadAllBytes(_ws.Snapshot);
        var position = File.ReadAllBytes(_ws.Position);

        var result = _ws.Ingest(Options);

        Assert.Equal(0, result.Appended);
        Assert.Equal(snapshot, File.ReadAllBytes(_ws.Snapshot));
        Assert.Equal(position, File.ReadAllBytes(_ws.Position));
    }

    [RedisFact]
    public void Ingest_FailureBetweenReadAndCommit_NextRunReadsTheSameEntriesOnce()
    {
        Add(1, "1");
        _ws.Ingest(Options);
        Add(2, "2");
        var before = File.ReadAllBytes(_ws.Snapshot);

        var error = Assert.Throws<IngestException>(() => _ws.Run(Options, beforeSeal: _ => throw new IOException("disk full")));
        Assert.EndsWith("failed: disk full", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_ws.Snapshot));
        Add(3, "3");
        var result = _ws.Ingest(Options);

        Assert.Equal(2, result.Appended);
        Assert.Equal("id,amount,country\n1,1,FR\n2,2,FR\n3,3,FR\n", _ws.Text(_ws.Snapshot));
    }

    [RedisFact]
    public void Ingest_KilledAfterTheSnapshotWasPromotedBeforeThePosition_NothingDuplicated()
    {
        Add(1, "1");
        _ws.Ingest(Options);
        Add(2, "2");
        _ws.Run(Options);
        _ws.Commit(only: 1);

        var result = _ws.Ingest(Options);

        Assert.Equal("id,amount,country\n1,1,FR\n2,2,FR\n", _ws.Text(_ws.Snapshot));
        Assert.Equal(1, result.Appended);
        Assert.Contains(result.Warnings, w => w.Contains("a run killed while committing", StringComparison.Ordinal));
    }

    [RedisFact]
    public void Ingest_StreamTrimmedPastThePosition_FailsCountingTheMissedEntries()
    {
        Add(1, "1");
        var last = Add(2, "2");
        _ws.Ingest(Options);
        for (var i = 3; i <= 7; i++) Add(i, "x");
        _db.StreamTrim(_stream, 2);
        var before = File.ReadAllBytes(_ws.Snapshot);

        var error = Assert.Throws<IngestException>(() => _ws.Run(Options));

        Assert.Equal($"Ingest from redis stream {_stream} at {TestRedis.Address} failed: 3 entries added after the recorded position {last} were trimmed or deleted before they could be read, so they are missing. Keep the stream longer (XADD MAXLEN/MINID) and set ingest.allow_gap=true for one run to accept the gap; the previous snapshot is unchanged.", error.Message);
        Assert.Equal(before, File.ReadAllBytes(_ws.Snapshot));
        Assert.False(File.Exists(_ws.Paths.Snapshot));
        var accepted = _ws.Ingest(Options with { AllowGap = true });
        Assert.Equal(2, accepted.Appended);
        Assert.Contains(accepted.Warnings, w => w.Contains("3 entries added after", StringComparison.Ordinal));
    }

    [PrivateRedisFact]
    public void Ingest_WrongPassword_OneLineAndNoOutput()
    {
        using var server = TestRedis.Private("--requirepass", "right-password");

        var error = Assert.Throws<IngestException>(() => _ws.Run(Options with { Url = $"redis://:wrong@{server.Address}" }));

        Assert.Equal($"Ingest from redis stream {_stream} at {server.Address} failed: the server refused the user name or password. Check the credentials in ingest.url (redis://user:password@host:port).", error.Message);
        Assert.False(File.Exists(_ws.Paths.Snapshot));
    }

    [RedisFact]
    public void Ingest_TrimmedBeforeTheFirstRead_StartsAtTheOldestEntryWithAWarning()
    {
        for (var i = 1; i <= 5; i++) Add(i, "x");
        _db.StreamTrim(_stream, 2);

        var result = _ws.Ingest(Options);

        Assert.Equal(2, result.Appended);
        Assert.Equal([$"redis stream {_stream} at {TestRedis.Address}: 3 entries were trimmed or deleted before this first read; the snapshot starts at the oldest entry kept."], result.Warnings);
    }

    [RedisFact]
    public void Ingest_WrongPasswordOfAnAclUser_OneLine()
    {
        _db.Execute("ACL", "SETUSER", "ingest-test", "on", ">right-password", "~*", "+@all");

        var error = Assert.Throws<IngestException>(() => _ws.Run(Options with { Url = $"redis://ingest-test:wrong@{TestRedis.Address}" }));

        Assert.Equal($"Ingest from redis stream {_stream} at {TestRedis.Address} failed: the server refused the user name or password. Check the credentials in ingest.url (redis://user:password@host:port).", error.Message);
    }

    [RedisFact]
    public void Ingest_RightPasswordInTheUrl_Reads()
    {
        _db.Execute("ACL", "SETUSER", "ingest-test", "on", ">right-password", "~*", "+@all");
        Add(1, "1");

        var result = _ws.Ingest(Options with { Url = $"redis://ingest-test:right-password@{TestRedis.Address}" });

        Assert.Equal(1, result.Appended);
        Assert.DoesNotContain("right-password", _ws.Text(_ws.Position), StringComparison.Ordinal);
    }

    [RedisFact]
    public void Ingest_Unreachable_OneLine()
    {
        var error = Assert.Throws<IngestException>(() => _ws.Run(Options with { Url = "redis://127.0.0.1:1", TimeoutSeconds = 2 }));

        Assert.Equal($"Ingest from redis stream {_stream} at 127.0.0.1:1 failed: cannot connect (UnableToConnect). Is redis-server running there, and is ingest.url right?", error.Message);
    }

    [RedisFact]
    public void Ingest_MissingStream_OneLine()
    {
        var error = Assert.Throws<IngestException>(() => _ws.Run(Options));

        Assert.Equal($"Ingest from redis stream {_stream} at {TestRedis.Address} failed: the stream '{_stream}' does not exist. Check ingest.stream (and the database number in ingest.url); XADD creates a stream.", error.Message);
    }

    public void Dispose()
    {
        _db.KeyDelete(_stream);
        _redis.Dispose();
        _ws.Dispose();
    }
}
