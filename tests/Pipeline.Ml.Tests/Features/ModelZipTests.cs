using System.IO.Compression;
using Pipeline.Ml.Features;

namespace Pipeline.Ml.Tests.Features;

public sealed class ModelZipTests
{
    private static byte[] Zip(DateTimeOffset time, params string[] names)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in names.DefaultIfEmpty("Model/Key"))
            {
                var entry = zip.CreateEntry(name);
                entry.LastWriteTime = time;
                using var writer = new StreamWriter(entry.Open());
                writer.Write("content of " + name);
            }
        }
        return stream.ToArray();
    }

    [Fact]
    public void Normalize_ZipsDifferingOnlyInTimestamps_GivesIdenticalBytes()
    {
        var early = Zip(new DateTimeOffset(2020, 5, 1, 10, 0, 0, TimeSpan.Zero));
        var late = Zip(new DateTimeOffset(2024, 9, 9, 17, 30, 0, TimeSpan.Zero));

        Assert.NotEqual(early, late);
        Assert.Equal(ModelZip.Normalize(early), ModelZip.Normalize(late));
    }

    [Fact]
    public void Normalize_SameEntriesInOtherOrder_GivesIdenticalBytesInOrdinalOrder()
    {
        var time = new DateTimeOffset(2020, 5, 1, 10, 0, 0, TimeSpan.Zero);
        var forward = ModelZip.Normalize(Zip(time, "Model/Key", "Schema/Key", "TransformerChain/Key"));
        var backward = ModelZip.Normalize(Zip(time, "TransformerChain/Key", "Schema/Key", "Model/Key"));

        Assert.Equal(forward, backward);
        using var zip = new ZipArchive(new MemoryStream(forward), ZipArchiveMode.Read);
        Assert.Equal(["Model/Key", "Schema/Key", "TransformerChain/Key"], zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(ModelZip.EntryTime.DateTime, e.LastWriteTime.DateTime));
    }
}
