namespace Pipeline.Git.Reproduce;

/// <summary>The result of rebuilding a revision: every recorded output compared with the rerun, plus the run's exit code.</summary>
public sealed class ReproduceReport(string revision, string commitSha, int runExitCode, IReadOnlyList<ReproducedOutput> outputs, IReadOnlyList<string> notes)
{
    /// <summary>The revision as the user gave it.</summary>
    public string Revision => revision;

    /// <summary>The full commit SHA that was rebuilt.</summary>
    public string CommitSha => commitSha;

    /// <summary>The pipeline run's exit code in the worktree.</summary>
    public int RunExitCode => runExitCode;

    /// <summary>Every output of the revision's dvc.lock, in lock order.</summary>
    public IReadOnlyList<ReproducedOutput> Outputs => outputs;

    /// <summary>Things worth knowing (inputs that could not be restored, and the like).</summary>
    public IReadOnlyList<string> Notes => notes;

    /// <summary>True when the run succeeded and every output matched.</summary>
    public bool AllMatch => runExitCode == 0 && outputs.All(o => o.Verdict == OutputVerdict.Match);

    /// <summary>The process exit code for a CLI: 0 when everything matched, 1 otherwise.</summary>
    public int ExitCode => AllMatch ? 0 : 1;

    /// <summary>The table <c>Stage | Path | Expected md5 | Actual md5 | Result</c> and a closing verdict line.</summary>
    public string ToTable()
    {
        var rows = outputs.Select(o => (IReadOnlyList<string>)[o.Stage, o.Path, o.Expected, o.Actual ?? "-", Label(o.Verdict)]);
        var text = TextTable.Render(["Stage", "Path", "Expected md5", "Actual md5", "Result"], rows);
        var differing = outputs.Count(o => o.Verdict != OutputVerdict.Match);
        var verdict = AllMatch
            ? $"Reproduced {commitSha[..7]}: all {outputs.Count} outputs match."
            : $"{commitSha[..7]} did not reproduce: {differing} of {outputs.Count} outputs differ or are missing" +
              (runExitCode != 0 ? $"; the pipeline exited with {runExitCode}." : ". A DIFFERENT output comes from a non-deterministic stage or an undeclared input.");
        return text + string.Concat(notes.Select(n => $"note: {n}\n")) + verdict + "\n";
    }

    private static string Label(OutputVerdict verdict) => verdict switch
    {
        OutputVerdict.Match => "match",
        OutputVerdict.Different => "DIFFERENT",
        _ => "missing",
    };
}
