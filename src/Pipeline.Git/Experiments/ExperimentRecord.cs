namespace Pipeline.Git.Experiments;

/// <summary>A recorded experiment: its name, ref (<c>refs/exps/xx/yyyy…/name</c>), commit, baseline and DVC exp hash.</summary>
public sealed record ExperimentRecord(string Name, string RefName, string CommitSha, string BaselineSha, string ExpHash);
