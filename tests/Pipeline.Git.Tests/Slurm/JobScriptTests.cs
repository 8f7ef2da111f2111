using System.Diagnostics;
using Pipeline.Git.Slurm;

namespace Pipeline.Git.Tests.Slurm;

/// <summary>
/// The job script itself, run by bash as Slurm would run it: two attempts of one job in one checkout (a requeue after a
/// lost node, the first attempt still running) never interleave, because the script takes the checkout's flock first.
/// The checkout's build.sh records when each of its three calls starts and ends.
/// </summary>
public sealed class JobScriptTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("jobscript-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void JobScript_TwoAttemptsInOneCheckoutAtOnce_OneWriterAtATime()
    {
        if (!File.Exists("/usr/bin/flock") && !File.Exists("/bin/flock")) Assert.Fail("flock (util-linux) is not installed; the job script relies on it on every node.");
        var build = Path.Combine(_root.FullName, "build.sh");
        File.WriteAllText(build, "#!/usr/bin/env bash\necho \"start $ATTEMPT $1\" >> trace\nsleep 0.5\necho \"end $ATTEMPT $1\" >> trace\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(build, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(Path.Combine(_root.FullName, ".nuke", "temp"));
        var settings = new SlurmSettings(null, null, "storage", TimeSpan.FromSeconds(1)) { WorkerArgs = ["--trial-executor", "slurm"] };
        var script = Path.Combine(_root.FullName, "job.sh");
        File.WriteAllText(script, SlurmExecutor.JobScript(settings, "Train", _root.FullName, Path.Combine(_root.FullName, "job.log")));

        using var first = Attempt(script, "1");
        // NOTE: the second attempt starts once the first is inside (holds the lock and runs its first call).
        var trace = Path.Combine(_root.FullName, "trace");
        for (var i = 0; i < 600 && !(File.Exists(trace) && File.ReadAllText(trace).Contains("start 1", StringComparison.Ordinal)); i++) Thread.Sleep(50);
        using var second = Attempt(script, "2");
        Assert.True(first.WaitForExit(TimeSpan.FromMinutes(1)) && second.WaitForExit(TimeSpan.FromMinutes(1)));

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        var lines = File.ReadAllLines(trace);
        string[] Calls(string attempt) =>
        [
            $"start {attempt} Pull", $"end {attempt} Pull", $"start {attempt} Train", $"end {attempt} Train", $"start {attempt} Push", $"end {attempt} Push",
        ];
        Assert.Equal([.. Calls("1"), .. Calls("2")], lines);
    }

    [Fact]
    public void JobScript_WorkerArgs_PassedToTheTargetsOwnRunQuoted()
    {
        var settings = new SlurmSettings(null, "--time=5", null, TimeSpan.FromSeconds(1)) { WorkerArgs = ["--trial-executor", "slurm", "--slurm-args", "--time=5 "] };

        var script = SlurmExecutor.JobScript(settings, "Train", "/w", "/w/log");

        Assert.Contains("./build.sh Train --skip --executor local '--trial-executor' 'slurm' '--slurm-args' '--time=5 '\n", script);
    }

    private static Process Attempt(string script, string attempt)
    {
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ATTEMPT"] = attempt;
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }
}
