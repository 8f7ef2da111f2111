using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>
/// A node of the test cluster (.ci/slurm.sh) made to die for real: its slurmd, and the slurmstepd and processes of the
/// job it runs, are killed (SIGKILL), so slurmctld hears nothing more from it and marks it DOWN after SlurmdTimeout.
/// Dispose starts its slurmd again (ReturnToService=2 brings the node back) and waits until it is idle.
/// </summary>
internal sealed class SlurmNode : IDisposable
{
    private readonly string _conf;
    private readonly string _name;

    private SlurmNode(string conf, string name) => (_conf, _name) = (conf, name);

    /// <summary>Kills node <paramref name="name"/> of the cluster configured by <paramref name="conf"/>, with job <paramref name="jobId"/>'s processes on it.</summary>
    public static SlurmNode Kill(string conf, string name, string jobId)
    {
        // NOTE: .ci/slurm.sh writes each slurmd's pid beside the configuration (SlurmdPidFile=<root>/run/slurmd-%n.pid).
        var pidFile = Path.Combine(Path.GetDirectoryName(conf)!, "run", $"slurmd-{name}.pid");
        var node = new SlurmNode(conf, name);
        Signal(int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture));
        foreach (var pid in JobProcesses(jobId)) Signal(pid);
        return node;
    }

    /// <summary>The processes of job <paramref name="jobId"/> on this host: its slurmstepd ([id.batch]) and whatever runs with SLURM_JOB_ID=id.</summary>
    public static IReadOnlyList<int> JobProcesses(string jobId)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var command = File.ReadAllText(Path.Combine(dir, "cmdline"));
                var environment = File.ReadAllText(Path.Combine(dir, "environ")).Split('\0');
                if (command.StartsWith($"slurmstepd: [{jobId}.", StringComparison.Ordinal) || environment.Contains($"SLURM_JOB_ID={jobId}")) found.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }

    private static void Signal(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (ArgumentException) { }
        catch (InvalidOperationException) { }
    }

    public void Dispose()
    {
        var start = new ProcessStartInfo("slurmd", ["-f", _conf, "-N", _name]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["SLURM_CONF"] = _conf;
        using (var slurmd = Process.Start(start)!) slurmd.WaitForExit();
        for (var i = 0; i < 600; i++)
        {
            var sinfo = new ProcessStartInfo("sinfo", ["-h", "-n", _name, "-o", "%t"]) { RedirectStandardOutput = true };
            sinfo.Environment["SLURM_CONF"] = _conf;
            using var process = Process.Start(sinfo)!;
            var state = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            if (state == "idle") return;
            Thread.Sleep(100);
        }
        throw new TimeoutException($"node {_name} did not come back after its slurmd was restarted");
    }
}
