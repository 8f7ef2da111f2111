using System.Diagnostics;

namespace Pipeline.Engine.Execution;

/// <summary>
/// TEST HOOK, read only by the commit code: when the environment variable <c>PIPELINE_TEST_KILL_AT</c> is
/// <c>&lt;Target&gt;:&lt;step&gt;</c>, the process kills itself (SIGKILL, no clean-up) right after that step of that
/// target's commit, so tests can prove that a kill at any point of the commit phase leaves dvc.lock and the cache
/// consistent. Steps, in order: <c>promote</c> (the first output moved into place), <c>hash</c> (it was hashed),
/// <c>cache</c> (it was stored), <c>code</c> (the code file written), <c>lock</c> (dvc.lock written) and
/// <c>run-cache</c> (the run-cache entry written). Unset, it does nothing.
/// </summary>
internal sealed class CommitKillSwitch(string? setting)
{
    public const string Variable = "PIPELINE_TEST_KILL_AT";

    public static CommitKillSwitch FromEnvironment() => new(Environment.GetEnvironmentVariable(Variable));

    /// <summary>Kills the process when the setting names this target and step.</summary>
    public void After(string target, string step)
    {
        if (setting is null || setting != $"{target}:{step}") return;
        Process.GetCurrentProcess().Kill();
        // NOTE: SIGKILL is asynchronous; nothing of this process may run on after asking for it.
        Thread.Sleep(Timeout.Infinite);
    }
}
