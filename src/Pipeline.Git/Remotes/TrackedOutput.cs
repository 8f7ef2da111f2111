using Pipeline.Engine.Primitives;

namespace Pipeline.Git.Remotes;

/// <summary>An output whose data lives in the cache: its path from the repository root ('/') and where it was recorded.</summary>
internal sealed record TrackedOutput(string RepoPath, HashInfo Info, string RecordedIn);
