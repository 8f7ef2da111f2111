using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Hashing;

/// <summary>The result of hashing one file or directory; <see cref="Manifest"/> is set for directories.</summary>
internal sealed record HashedPath(string AbsolutePath, HashInfo Info, DirManifest? Manifest);
