using System.IO.Compression;
using Microsoft.ML;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Features;

/// <summary>Saves an ML.NET model as a byte-reproducible zip: same entries and order, fixed timestamps.</summary>
public static class ModelZip
{
    /// <summary>The timestamp every entry carries (the zip epoch).</summary>
    public static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Saves <paramref name="model"/> with its input schema to <paramref name="path"/> atomically.</summary>
    public static void Save(MLContext ml, ITransformer model, DataViewSchema inputSchema, string path)
    {
        using var raw = new MemoryStream();
        ml.Model.Save(model, inputSchema, raw);
        AtomicFile.WriteBytes(path, Normalize(raw.ToArray()));
    }

    /// <summary>Rewrites a zip with every entry's timestamp set to <see cref="EntryTime"/>.</summary>
    public static byte[] Normalize(byte[] zip)
    {
        using var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = EntryTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
