namespace Pipeline.Ml.Ingest;

/// <summary>Checks shared by the file-based connectors.</summary>
internal static class FileSources
{
    /// <summary>Throws an <see cref="IngestException"/> when the source file does not exist.</summary>
    public static void RequireFile(string path, string description)
    {
        if (!File.Exists(path))
            throw new IngestException(description, $"the file does not exist. Check ingest.path (resolved to {path}).");
    }
}
