using Pipeline.Engine.Primitives;

namespace Pipeline.Git.Remotes;

/// <summary>Object keys on a DVC remote, relative to its URL with '/' (docs/dvc-format.md §13.3).</summary>
internal static class RemoteLayout
{
    /// <summary>The prefix of run-cache entries: <c>runs/</c>.</summary>
    public const string RunsPrefix = "runs/";

    /// <summary>The DVC 3 key of an object: <c>files/md5/&lt;2&gt;/&lt;30&gt;[.dir]</c>.</summary>
    public static string ObjectKey(ContentHash hash) => $"files/md5/{hash.Value[..2]}/{hash.Value[2..]}";

    /// <summary>The DVC 2 (legacy) key: <c>&lt;2&gt;/&lt;30&gt;[.dir]</c>, read as a fallback only.</summary>
    public static string LegacyObjectKey(ContentHash hash) => $"{hash.Value[..2]}/{hash.Value[2..]}";
}
