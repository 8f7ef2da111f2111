using System.IO.Compression;

namespace Pipeline.Ml.Training;

/// <summary>
/// Rewrites a zip so its bytes depend only on its entries' names and contents: entries in ordinal name order, every
/// timestamp 2000-01-01 00:00:00, one compression level. ML.NET loads model entries by name, so order is free.
/// </summary>
internal static class DeterministicZip
{
    /// <summary>The fixed entry timestamp.</summary>
    public static readonly DateTimeOffset Timestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Returns the normalised bytes of a zip archive.</summary>
    public static byte[] Normalize(byte[] zip)
    {
        using var input = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                var copy = archive.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = Timestamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }
}
