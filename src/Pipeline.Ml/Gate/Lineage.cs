namespace Pipeline.Ml.Gate;

/// <summary>Where a registered model came from: the git commit and the content hashes of its inputs (path → hash).</summary>
public sealed record Lineage(string GitCommit, IReadOnlyDictionary<string, string> InputHashes);
