using Pipeline.Engine.Failures;

namespace Pipeline.Ml.Data;

/// <summary>
/// A snapshot (CSV/TSV) file is malformed; the message names the file and line. An <see cref="InputException"/>:
/// bad data, shown to people as its message.
/// </summary>
public sealed class SnapshotFormatException(string path, long line, string problem)
    : InputException($"{path}:{line}: {problem}")
{
    /// <summary>The malformed file.</summary>
    public string Path { get; } = path;

    /// <summary>The 1-based physical line where the bad record starts.</summary>
    public long Line { get; } = line;
}
