using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Pipeline.Engine.Execution;

namespace Pipeline.Ui.Pipeline;

/// <summary>
/// The engine's record of the run in progress (<see cref="LiveRun"/>, <c>.nuke/temp/live.json</c>): the state while
/// its process lives, or a message when the file is corrupt or its process is gone (the run was killed).
/// </summary>
internal static class LiveRunFile
{
    /// <summary>The live run (null when none is in progress), or a message saying why it cannot be shown.</summary>
    public static (LiveRunState? Run, string? Problem) Read(string root)
    {
        var path = LiveRun.PathIn(root);
        if (!File.Exists(path)) return (null, null);
        LiveRunState run;
        try
        {
            run = LiveRun.Read(path);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or IOException)
        {
            return (null, $".nuke/temp/live.json is not a live run record ({e.Message}); the next ./build.sh run writes it again.");
        }
        return IsRunning(run.ProcessId)
            ? (run, null)
            : (null, string.Create(CultureInfo.InvariantCulture, $"A run started {run.Started.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC by process {run.ProcessId} stopped without finishing (killed?); the last finished run is below."));
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
