using Pipeline.Engine.Failures;

namespace Pipeline.Git.Remotes;

/// <summary>
/// The remote as a whole cannot be used: refused credentials, a missing bucket or folder, an unreachable endpoint, a
/// bad remote setting. The message is one line naming the remote and the fix; a transfer stops at the first one.
/// </summary>
/// <param name="message">What is wrong and how to fix it.</param>
/// <param name="inner">The client's exception, kept for --verbosity verbose.</param>
public sealed class RemoteException(string message, Exception? inner = null) : PipelineException(message, inner)
{
    /// <summary>A remote failure fails the run (exit code 1), like a failed transfer.</summary>
    public override int ExitCode => 1;
}
