using System.Security.Cryptography;
using System.Text;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Tests.Dvc;

/// <summary>Builders for lock entries used by the Dvc tests.</summary>
internal static class DvcTestData
{
    /// <summary>A locked file whose content is <paramref name="content"/>.</summary>
    public static LockedPath File(string path, string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        return new LockedPath(path, new HashInfo(ContentHash.FromMd5Bytes(MD5.HashData(bytes)), bytes.Length));
    }

    /// <summary>A locked file with a literal hash.</summary>
    public static LockedPath File(string path, string md5, long size, int? files = null, bool exec = false) =>
        new(path, new HashInfo(ContentHash.Parse(md5), size, files, exec));

    /// <summary>A temp directory removed on dispose.</summary>
    public sealed class TempDir : IDisposable
    {
        public DirectoryInfo Dir { get; } = Directory.CreateTempSubdirectory("dvc-formats-");

        public string Path => Dir.FullName;

        public string this[string relative] => System.IO.Path.Combine(Dir.FullName, relative);

        public void Dispose() => Dir.Delete(recursive: true);
    }
}
