namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>
/// <c>./build.sh Ingest</c> on a stream source (log files here, so no server is needed): each run appends exactly what
/// is new, and a run SIGKILLed between moving the snapshot and the position into place (the engine's
/// PIPELINE_TEST_KILL_AT hook) neither loses nor duplicates a line.
/// </summary>
[Collection(ReferenceCollection.Name)]
public sealed class StreamIngestTests(ReferenceTemplate template) : IDisposable
{
    private const string Snapshot = "data/raw/snapshot.csv";
    private const string Position = "data/raw/position.json";

    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Ingest_LogsKilledBetweenSnapshotAndPosition_NextRunNeitherLosesNorDuplicates()
    {
        _repo.Write("params.yaml", "model:\n  name: stream-model\ningest:\n  kind: logs\n  path: logs/app*.jsonl\ndata:\n  label: label\n  task: binary\n");
        _repo.Write("logs/app.jsonl", "{\"id\":1,\"label\":0}\n{\"id\":2,\"label\":1}\n");
        var first = _repo.Run("Ingest");
        Assert.True(first.ExitCode == 0, first.ToString());
        var position = _repo.Read(Position);
        File.AppendAllText(_repo.PathOf("logs/app.jsonl"), "{\"id\":3,\"label\":0}\n{\"id\":4,\"label\":1}\n{\"id\":5,");

        var killed = _repo.Run(["Ingest"], new Dictionary<string, string> { ["PIPELINE_TEST_KILL_AT"] = "Ingest:promote" });

        Assert.True(killed.ExitCode == 137, $"expected SIGKILL (137)\n{killed}");
        Assert.Equal("id,label\n1,0\n2,1\n3,0\n4,1\n", _repo.Read(Snapshot));
        Assert.Equal(position, _repo.Read(Position));

        var next = _repo.Run("Ingest");

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal("id,label\n1,0\n2,1\n3,0\n4,1\n", _repo.Read(Snapshot));
        Assert.Contains("a run killed while committing", next.Output);
        File.AppendAllText(_repo.PathOf("logs/app.jsonl"), "\"label\":0}\n");
        var last = _repo.Run("Ingest");
        Assert.True(last.ExitCode == 0, last.ToString());
        Assert.Equal("id,label\n1,0\n2,1\n3,0\n4,1\n5,0\n", _repo.Read(Snapshot));
        var snapshot = _repo.Read(Snapshot);
        position = _repo.Read(Position);
        Assert.True(_repo.Run("Ingest").ExitCode == 0);
        Assert.Equal((snapshot, position), (_repo.Read(Snapshot), _repo.Read(Position)));
    }

    [Fact]
    public void Validate_LogsFieldTurnsText_LastIngestSectionCountsThatRunsQuarantinedRows()
    {
        _repo.Write("params.yaml", "model:\n  name: stream-model\ningest:\n  kind: logs\n  path: logs/app*.jsonl\ndata:\n  label: label\n  task: binary\nvalidate:\n  max_examples: 5\n");
        _repo.Write("logs/app.jsonl", string.Concat(Enumerable.Range(1, 6).Select(i => $"{{\"id\":{i},\"amount\":{i}.5,\"label\":{i % 2}}}\n")));
        var first = _repo.Run("Validate");
        Assert.True(first.ExitCode == 0, first.ToString());
        File.AppendAllText(_repo.PathOf("logs/app.jsonl"), "{\"id\":7,\"amount\":7.5,\"label\":0}\n{\"id\":8,\"amount\":\"n/a\",\"label\":1}\nnot json\n");

        var second = _repo.Run("Validate");

        Assert.True(second.ExitCode == 0, second.ToString());
        var run = System.Text.Json.JsonDocument.Parse(_repo.Read("reports/validation.json")).RootElement.GetProperty("last_ingest");
        Assert.Equal((2, 1, 1, 1), (run.GetProperty("appended_rows").GetInt32(), run.GetProperty("validated_rows").GetInt32(),
            run.GetProperty("quarantined_rows").GetInt32(), run.GetProperty("rejected_entries").GetInt32()));
        Assert.Contains("type_error in 'amount'", _repo.Read("data/quarantine/snapshot.csv"));
        Assert.Contains("Last ingest", _repo.Read("reports/validation.txt"));
    }
}
