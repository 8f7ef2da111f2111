using System.Diagnostics;

namespace ReferencePipeline;

/// <summary>Runs <c>./build.sh</c> in another checkout (a temporary worktree), passing its output through.</summary>
internal static class PipelineProcess
{
    /// <summary>
    /// Runs <c>bash build.sh args</c> in <paramref name="root"/>. The current compiled build and its source stamp are
    /// copied there first: when the checkout's build sources are the same, build.sh then skips compiling.
    /// </summary>
    public static int Run(string currentRoot, string root, params string[] args)
    {
        if (Path.GetFullPath(currentRoot) != Path.GetFullPath(root)) ShareCompiledBuild(currentRoot, root);
        var start = new ProcessStartInfo("bash") { WorkingDirectory = root, UseShellExecute = false };
        start.ArgumentList.Add("build.sh");
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash to run build.sh.");
        process.WaitForExit();
        return process.ExitCode;
    }

    private static void ShareCompiledBuild(string currentRoot, string root)
    {
        var compiled = Path.Combine(currentRoot, "build", "bin", "_build");
        var stamp = Path.Combine(currentRoot, ".nuke", "temp", "build.stamp");
        if (!Directory.Exists(compiled) || !File.Exists(stamp)) return;
        var target = Path.Combine(root, "build", "bin", "_build");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(compiled, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(compiled, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
        Directory.CreateDirectory(Path.Combine(root, ".nuke", "temp"));
        File.Copy(stamp, Path.Combine(root, ".nuke", "temp", "build.stamp"), overwrite: true);
    }
}
