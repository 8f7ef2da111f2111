using System.Diagnostics;

namespace Pipeline.Serving.Bench;

/// <summary>Describes how a child process ended, for messages.</summary>
internal static class ProcessExit
{
    /// <summary>The exit code, or "no exit code" while it still runs.</summary>
    public static string ExitCodeOrNone(this Process process) => process.HasExited ? $"exit code {process.ExitCode}" : "no exit code";
}
