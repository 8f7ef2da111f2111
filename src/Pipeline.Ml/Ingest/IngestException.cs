using Pipeline.Engine.Failures;

namespace Pipeline.Ml.Ingest;

/// <summary>
/// Ingest failed; the message names the source (without secrets) and the cause. No snapshot was written. An
/// <see cref="InputException"/>, so the engine shows it as one line (the user fixes the source or its settings).
/// </summary>
public sealed class IngestException : InputException
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
