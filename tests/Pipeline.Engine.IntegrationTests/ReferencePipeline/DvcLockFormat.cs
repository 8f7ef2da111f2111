using System.Diagnostics;

namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>DVC's format check of a dvc.lock: <c>docs/tools/dvc_ref.py check-lock</c>, which parses it with PyYAML.</summary>
internal static class DvcLockFormat
{
    /// <summary>Why the check cannot run here (no python3, or no PyYAML), or null when it can.</summary>
    public static string? Unavailable { get; } = Probe();

    /// <summary>What DVC would not accept in <paramref name="root"/>/dvc.lock ("ok" when nothing).</summary>
    public static string Check(string root) => Python(Path.Combine(SourceTree.Root, "docs", "tools", "dvc_ref.py"), "check-lock", root).Output.Trim();

    private static string? Probe()
    {
        try
        {
            return Python("-c", "import yaml").ExitCode == 0 ? null : "python3 has no PyYAML (apt-get install python3-yaml), which dvc_ref.py check-lock parses dvc.lock with.";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "python3 is not on PATH: dvc_ref.py check-lock checks dvc.lock with it.";
        }
    }

    private static (int ExitCode, string Output) Python(params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.GetAwaiter().GetResult());
    }
}
