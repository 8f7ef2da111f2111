namespace Pipeline.Engine.Primitives;

/// <summary>What DVC records about a hashed file or directory: hash, size in bytes, file count (directories only) and the executable bit.</summary>
public sealed record HashInfo(ContentHash Hash, long Size, int? FileCount = null, bool IsExecutable = false);
