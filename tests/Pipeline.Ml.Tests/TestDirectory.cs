namespace Pipeline.Ml.Tests;

/// <summary>A temporary directory deleted on dispose.</summary>
internal sealed class TestDirectory : IDisposable
{
    /// <summary>The directory's full path.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("pipeline-ml-").FullName;

    /// <summary>A path under the directory.</summary>
    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>Writes a file with '\n' line ends and returns its path.</summary>
    public string Write(string relative, string text)
    {
        var path = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    /// <summary>Deletes the directory.</summary>
    public void Dispose() => Directory.Delete(Root, recursive: true);
}
