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
}
