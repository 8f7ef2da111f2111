namespace Pipeline.Engine.Failures;

/// <summary>The base of the engine's few exception types; the CLI host maps each to one exit code.</summary>
public abstract class PipelineException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The process exit code this failure maps to.</summary>
    public abstract int ExitCode { get; }
}

/// <summary>A bad command line, unknown target or bad parameter value (exit code 2).</summary>
public sealed class UsageException(string message) : PipelineException(message)
{
    public override int ExitCode => 2;
}

/// <summary>An invalid pipeline definition: a cycle, overlapping outputs, a bad path (exit code 2).</summary>
internal sealed class PipelineDefinitionException(string message) : PipelineException(message)
{
    public override int ExitCode => 2;
}

/// <summary>The repository state cannot be trusted or used: it is locked by another run, or a file is corrupt (exit code 2).</summary>
public sealed class RepositoryStateException(string message, Exception? inner = null) : PipelineException(message, inner)
{
    public override int ExitCode => 2;
}

/// <summary>
/// A target's input is wrong: data, a file or a setting the user supplies (a malformed CSV, a failed ingest or
/// validation). The message names what, where and the fix; it is shown without a stack trace (unless --verbose), and
/// the target fails (exit code 1). Stage libraries derive their data errors from it.
/// </summary>
public class InputException(string message, Exception? inner = null) : PipelineException(message, inner)
{
    public override int ExitCode => 1;
}

/// <summary>
/// A target ran and a check it makes did not pass (a deploy gate, a monitoring verdict, a reproduction that differs):
/// the message says what failed and where to look. Shown without a stack trace (unless --verbose); exit code 1.
/// </summary>
public sealed class CheckFailedException(string message) : PipelineException(message)
{
    public override int ExitCode => 1;
}

/// <summary>
/// A target whose code ran elsewhere (a cluster job) failed there: the message names the job, its state and its last
/// log lines (exit code 1, as any failed target).
/// </summary>
public sealed class TargetJobException(string message, Execution.Placement? placement = null) : PipelineException(message)
{
    public override int ExitCode => 1;

    /// <summary>Where the job ran, when it got that far (recorded in run.json like a successful job's).</summary>
    public Execution.Placement Placement { get; } = placement ?? Execution.Placement.InProcess;
}
