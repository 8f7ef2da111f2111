using System.IO.Compression;
using Microsoft.ML;
using Pipeline.Ml.Data;
using Pipeline.Formats.IO;

namespace Pipeline.Ml.Features;

/// <summary>
/// Saves and loads ML.NET models (featurizer.zip, model.zip) as byte-reproducible zips: the bytes depend only on the
/// entries' names and contents (ordinal name order, fixed timestamps, one compression level).
/// </summary>
public static class ModelZip
{
    /// <summary>The timestamp every entry carries (the zip epoch).</summary>
    public static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Saves <paramref name="model"/> with its input schema to <paramref name="path"/> atomically.</summary>
    public static void Save(MLContext ml, ITransformer model, DataViewSchema inputSchema, string path)
    {
        using var raw = new MemoryStream();
        ml.Model.Save(model, inputSchema, raw);
        AtomicFile.WriteAllBytes(path, Normalize(raw.ToArray()));
    }

    /// <summary>Loads a model zip and returns it with the input schema it was saved with.</summary>
    public static (ITransformer Model, DataViewSchema InputSchema) Load(MLContext ml, string path)
    {
        using var stream = File.OpenRead(path);
        var model = ml.Model.Load(stream, out var inputSchema);
        return (model, inputSchema);
    }

    /// <summary>Rewrites a zip with its entries in ordinal name order, each timestamped <see cref="EntryTime"/>.</summary>
    // NOTE: ML.NET finds model entries by name, so reordering them is free and makes the bytes independent of the
    // order the saver happened to write them in.
    public static byte[] Normalize(byte[] zip)
    {
        using var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
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
