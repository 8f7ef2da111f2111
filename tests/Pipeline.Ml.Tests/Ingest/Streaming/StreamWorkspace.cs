using Pipeline.Ml.Ingest;
using Pipeline.Ml.Ingest.Streaming;

namespace Pipeline.Ml.Tests.Ingest.Streaming;

/// <summary>
/// A repository-like folder for stream ingests: committed files under <c>data/raw</c>, a run's outputs staged under
/// <c>stage/</c> and moved into place by <see cref="Commit"/> (snapshot first, as the engine promotes declared outputs).
/// </summary>
internal sealed class StreamWorkspace : IDisposable
{
    private readonly TestDirectory _dir = new();

    public string Root => _dir.Root;

    public StreamIngestPaths Paths => new(
        _dir.Path("stage/snapshot.csv"), _dir.Path("stage/position.json"), _dir.Path("stage/rejected.csv"),
        Snapshot, Position, Rejected);

    public string Snapshot => _dir.Path("data/raw/snapshot.csv");

    public string Position => _dir.Path("data/raw/position.json");

    public string Rejected => _dir.Path("data/raw/rejected.csv");

    /// <summary>Runs an ingest and commits its outputs.</summary>
    public StreamIngestResult Ingest(IngestOptions options)
    {
        var result = Run(options);
        Commit();
        return result;
    }

    /// <summary>Runs an ingest, leaving its outputs staged.</summary>
    public StreamIngestResult Run(IngestOptions options, Action<string>? beforeSeal = null)
    {
        if (Directory.Exists(_dir.Path("stage"))) Directory.Delete(_dir.Path("stage"), recursive: true);
        Directory.CreateDirectory(_dir.Path("stage"));
        return StreamIngestor.Run(options, Paths, Root, beforeSeal: beforeSeal);
    }

    /// <summary>Moves the staged outputs into place; <paramref name="only"/> stops after that many (a kill in between).</summary>
    public void Commit(int only = 3)
    {
        Directory.CreateDirectory(_dir.Path("data/raw"));
        foreach (var (staged, target) in new[] { (Paths.Snapshot, Snapshot), (Paths.Rejected, Rejected), (Paths.Position, Position) }.Take(only))
            File.Move(staged, target, overwrite: true);
    }

    public string Text(string path) => File.ReadAllText(path);

    public void Dispose() => _dir.Dispose();
}
