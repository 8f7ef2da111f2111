namespace Pipeline.Ml.Tests.Data;

/// <summary>A temporary folder deleted on dispose, for tests of the data helpers.</summary>
internal sealed class DataTempDirectory : IDisposable
{
    /// <summary>The folder path.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("pipeline-ml-data-").FullName;

    /// <summary>A path inside the folder.</summary>
    public string File(string name) => Path.Combine(Root, name);

    /// <summary>Deletes the folder.</summary>
    public void Dispose() => Directory.Delete(Root, recursive: true);
}
