using Pipeline.Formats.Csv;

namespace Pipeline.Ml.Data;

/// <summary>
/// The on-disk form every stage exchanges: a CSV file (RFC 4180, UTF-8 without BOM, '\n' line ends, a header row,
/// invariant culture, an empty field is a missing value, fields quoted only when needed). Streams; never holds
/// the whole table in memory. Implemented by the data helper in <c>CsvSnapshotReader</c> / <c>CsvSnapshotWriter</c>.
/// </summary>
public static class Snapshot
{
    /// <summary>The file extension of snapshots.</summary>
    public const string Extension = ".csv";
}
