using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Ingest.Streaming;

/// <summary>
/// The committed snapshot and the position it was read up to, checked against each other. A run killed while the
/// engine was moving its outputs into place can leave a snapshot longer than the one its position belongs to; the
/// recorded one is then its byte prefix, which is what the next run continues from (so nothing is duplicated).
/// </summary>
internal sealed record CommittedState(StreamPosition Position, IReadOnlyList<string> Header)
{
    /// <summary>The committed state, or null when there is none yet (first run); inconsistencies throw, naming the fix.</summary>
    public static CommittedState? Read(StreamIngestPaths paths, IStreamSource source, List<string> warnings)
    {
        var hasSnapshot = File.Exists(paths.PreviousSnapshot);
        var hasPosition = File.Exists(paths.PreviousPosition);
        if (!hasSnapshot && !hasPosition) return null;
        var restart = $"delete {paths.PreviousSnapshot} and {paths.PreviousPosition} to read the source from the start";
        if (!hasPosition)
            throw new IngestException(source.Description, $"{paths.PreviousSnapshot} exists but {paths.PreviousPosition} does not, so it is unknown how far the source was read; restore position.json from the commit of the snapshot (git checkout), or {restart}.");
        if (!hasSnapshot)
            throw new IngestException(source.Description, $"{paths.PreviousPosition} exists but {paths.PreviousSnapshot} does not; restore the snapshot (git checkout and ./build.sh Pull), or {restart}.");
        var position = StreamPosition.Read(paths.PreviousPosition);
        if (position.Kind != source.Kind || position.Source != source.Description)
            throw new IngestException(source.Description, $"{paths.PreviousPosition} records a position in {position.Source}, not in this source; {restart}.");
        Check(position.Snapshot, paths.PreviousSnapshot, paths.PreviousPosition, restart, source, warnings);
        Check(position.Rejected, paths.PreviousRejected, paths.PreviousPosition, restart, source, warnings);
        using var reader = new CsvSnapshotReader(paths.PreviousSnapshot);
        return new CommittedState(position, reader.Header);
    }

    private static void Check(SnapshotFingerprint recorded, string path, string positionPath, string restart, IStreamSource source, List<string> warnings)
    {
        if (!File.Exists(path) || !recorded.PrefixOf(path))
            throw new IngestException(source.Description, $"{path} is not the file {positionPath} was written with (its first {recorded.Bytes} bytes differ); restore both from one commit (git checkout and ./build.sh Pull), or {restart}.");
        var length = new FileInfo(path).Length;
        if (length > recorded.Bytes)
            warnings.Add($"{path} has {length - recorded.Bytes} bytes past the ones {positionPath} records (a run killed while committing); they are left out and their entries read again.");
    }
}
