using System.Text;

namespace Pipeline.Engine.Tests.Hashing;

/// <summary>A temporary directory for one test, filled from (relpath, content) pairs and deleted on dispose.</summary>
internal sealed class TempTree : IDisposable
{
    /// <summary>Creates an empty temporary directory.</summary>
    public TempTree() => Root = Directory.CreateTempSubdirectory("pe-hash-").FullName;

    /// <summary>The absolute path of the directory.</summary>
    public string Root { get; }

    /// <summary>The absolute path of <paramref name="relPath"/> ('/' separators) under the root.</summary>
    public string PathOf(string relPath) => Path.Combine(Root, relPath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Writes a UTF-8 text file (no BOM), creating parent directories.</summary>
    public string Write(string relPath, string content) => Write(relPath, Encoding.UTF8.GetBytes(content));

    /// <summary>Writes a file, creating parent directories.</summary>
    public string Write(string relPath, byte[] content)
    {
        var path = PathOf(relPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Writes several files under <paramref name="dir"/> and returns its absolute path.</summary>
    public string Dir(string dir, params (string RelPath, string Content)[] files)
    {
        Directory.CreateDirectory(PathOf(dir));
        foreach (var (rel, content) in files) Write(dir + "/" + rel, content);
        return PathOf(dir);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // NOTE: a leftover temp dir must not fail a test.
        }
    }
}
