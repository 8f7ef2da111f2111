namespace Pipeline.Ml.Ingest;

/// <summary>Ingest failed; the message names the source (without secrets) and the cause. No snapshot was written.</summary>
public sealed class IngestException : Exception
{
    /// <summary>A failure of <paramref name="source"/> described by <paramref name="cause"/>.</summary>
    public IngestException(string source, string cause, Exception? inner = null)
        : base($"Ingest from {source} failed: {cause}", inner)
    {
        Source = source;
    }

    /// <summary>The source description (path, URL, or host/database without password).</summary>
    public new string Source { get; }
}
