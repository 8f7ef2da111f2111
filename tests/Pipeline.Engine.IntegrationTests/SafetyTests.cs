using System.Diagnostics;

namespace Pipeline.Engine.IntegrationTests;

[Collection(TemplateCollection.Name)]
public sealed class SafetyTests(TemplateRepository template) : IDisposable
{
    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Build_TargetFails_ExitsOneLeavesNoLockEntryAndNoOutput()
    {
        _repo.Write("input/fail.flag", "");

        var result = _repo.Run("AfterFlaky");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Flaky failed on purpose", result.Output);
        Assert.Equal("failed", _repo.Statuses()["Flaky"]);
        Assert.Equal("not-run", _repo.Statuses()["AfterFlaky"]);
        Assert.False(File.Exists(_repo.PathOf("out/flaky.txt")));
        Assert.DoesNotContain("Flaky:", File.Exists(_repo.PathOf("dvc.lock")) ? _repo.Read("dvc.lock") : "");
        Assert.False(Directory.Exists(_repo.PathOf(".nuke/temp/staging/Flaky")));
    }

    [Fact]
    public void Build_TargetFailsAfterEarlierSuccess_KeepsThePreviousOutputAndEntry()
    {
        _repo.Run("Flaky");
        var lockBefore = _repo.Read("dvc.lock");
        _repo.Write("input/fail.flag", "");
        _repo.Write("input/raw.txt", "changed\n");

        var result = _repo.Run("Flaky");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("partial", _repo.Read("out/flaky.txt"));
        Assert.Equal(lockBefore, _repo.Read("dvc.lock"));
    }

    [Fact]
    public void Build_KilledMidTarget_KeepsStateAndRedoesOnlyTheUnfinishedTarget()
    {
        _repo.Run();
        var lockBefore = _repo.Read("dvc.lock");
        using (var run = _repo.Start("Slow", "--delay-ms", "60000"))
        {
            WaitFor(() => File.Exists(_repo.PathOf("slow.started")), run);
            KillHard(run);
        }
        Assert.Equal(lockBefore, _repo.Read("dvc.lock"));
        Assert.False(File.Exists(_repo.PathOf("out/slow.txt")));

        var result = _repo.Run("Slow", "Report", "Side");

        Assert.True(result.ExitCode == 0, result.ToString());
        var statuses = _repo.Statuses();
        Assert.Equal("executed", statuses["Slow"]);
        Assert.Equal("skipped", statuses["Report"]);
        Assert.Equal("skipped", statuses["Side"]);
        Assert.Equal("first half\nsecond half\n", _repo.Read("out/slow.txt"));
    }

    [Fact]
    public void Build_SecondConcurrentRun_StopsAtOnceNamingTheHolder()
    {
        using var first = _repo.Start("Slow", "--delay-ms", "60000");
        try
        {
            WaitFor(() => File.Exists(_repo.PathOf("slow.started")), first);

            var second = _repo.Run("Report");

            Assert.Equal(2, second.ExitCode);
            Assert.Contains("Another run holds the repository lock", second.Stderr);
            Assert.Contains($"pid {first.Id}", second.Stderr);
        }
        finally
        {
            KillHard(first);
        }
    }

    [Fact]
    public async Task Build_Interrupted_PrintsSummaryAndKeepsPreviousState()
    {
        _repo.Run("Slow");
        var before = _repo.Read("out/slow.txt");
        _repo.Write("input/raw.txt", "changed\n");
        File.Delete(_repo.PathOf("slow.started"));
        using var run = _repo.Start("Slow", "--delay-ms", "60000");
        var stdout = run.StandardOutput.ReadToEndAsync();
        WaitFor(() => File.Exists(_repo.PathOf("slow.started")), run);

        Process.Start("kill", ["-INT", run.Id.ToString()])!.WaitForExit();

        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(30)), "the run did not stop after SIGINT");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Build failed", await stdout);
        Assert.Equal("failed", _repo.Statuses()["Slow"]);
        Assert.Equal("cancelled", _repo.Reasons()["Slow"]);
        Assert.Equal(before, _repo.Read("out/slow.txt"));
    }

    // NOTE: issue 17 item 6: a target that ignores its token kept the run alive after SIGTERM; now the run abandons it
    // after the grace period (5 s), rolls it back and exits with the summary.
    [Fact]
    public async Task Build_SigtermWhileTargetIgnoresToken_AbandonedRolledBackAndSummaryPrinted()
    {
        using var run = _repo.Start("Stubborn", "--delay-ms", "600000");
        var stdout = run.StandardOutput.ReadToEndAsync();
        WaitFor(() => File.Exists(_repo.PathOf("stubborn.started")), run);

        Process.Start("kill", ["-TERM", run.Id.ToString()])!.WaitForExit();

        Assert.True(run.WaitForExit(TimeSpan.FromMinutes(2)), "the run did not stop after SIGTERM");
        Assert.Equal(1, run.ExitCode);
        var output = await stdout;
        Assert.Contains("Build failed", output);
        Assert.Equal("failed", _repo.Statuses()["Stubborn"]);
        Assert.StartsWith("cancelled; abandoned after 5 s", _repo.Reasons()["Stubborn"], StringComparison.Ordinal);
        Assert.False(File.Exists(_repo.PathOf("out/stubborn.txt")));
        Assert.DoesNotContain("Stubborn:", File.Exists(_repo.PathOf("dvc.lock")) ? _repo.Read("dvc.lock") : "");
    }

    private static void WaitFor(Func<bool> condition, Process process)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (process.HasExited) throw new InvalidOperationException($"./build.sh exited early with {process.ExitCode}: {process.StandardError.ReadToEnd()}");
            if (waited.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("condition not met in 2 minutes");
            Thread.Sleep(50);
        }
    }

    // NOTE: ./build.sh execs dotnet, so the bash process id is the engine's; SIGKILL gives it no chance to clean up.
    private static void KillHard(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }
}
