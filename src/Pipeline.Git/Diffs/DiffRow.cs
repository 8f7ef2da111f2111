namespace Pipeline.Git.Diffs;

/// <summary>One changed (or, with <c>all</c>, unchanged) metric or param between two revisions.</summary>
/// <param name="Path">The file, relative to the repository root (<c>metrics.json</c>).</param>
/// <param name="Key">The '.'-joined key inside the file (<c>train.auc</c>).</param>
/// <param name="Old">The value at the first revision (long, double, bool, string; lists as their Python str()), or null when missing.</param>
/// <param name="New">The value at the second revision, or null when missing.</param>
/// <param name="Change"><c>New - Old</c> when both are numbers, otherwise null.</param>
public sealed record DiffRow(string Path, string Key, object? Old, object? New, object? Change);
