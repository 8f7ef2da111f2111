namespace Pipeline.Engine.Failures;

/// <summary>
/// A target could not use its input or source (an unreachable server, a refused password, a missing stream): the
/// message, written for people, names it and the fix, so it is shown as one line (the trace only with --verbose).
/// The target failed (exit code 1); its previous outputs are untouched.
/// </summary>
public sealed class BadInputException(string message, Exception? inner = null) : PipelineException(message, inner)
{
    public override int ExitCode => 1;
}
