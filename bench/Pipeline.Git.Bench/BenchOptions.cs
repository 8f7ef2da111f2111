namespace Pipeline.Git.Bench;

/// <summary>What the bench moves (<paramref name="Files"/> files adding up to <paramref name="TotalBytes"/>) and how.</summary>
internal sealed record BenchOptions(int Files, long TotalBytes, int Jobs, int Rounds, string Directory);
