namespace Pipeline.Git.Reproduce;

/// <summary>One output of the reproduced revision: recorded (expected) and rerun (actual) md5 and the verdict.</summary>
public sealed record ReproducedOutput(string Stage, string Path, string Expected, string? Actual, OutputVerdict Verdict);
