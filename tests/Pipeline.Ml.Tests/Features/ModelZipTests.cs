using System.IO.Compression;
using Pipeline.Ml.Features;

namespace Pipeline.Ml.Tests.Features;

public sealed class ModelZipTests
{
    private static byte[] Zip(DateTimeOffset time)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("Model/Key");
            entry.LastWriteTime = time;
            using var writer = new StreamWriter(entry.Open());
            writer.Write("content");
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
}
