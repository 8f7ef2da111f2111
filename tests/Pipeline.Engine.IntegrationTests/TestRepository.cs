using System.Diagnostics;
using System.Text.Json;

namespace Pipeline.Engine.IntegrationTests;

/// <summary>A temporary copy of the fixture repository that tests run ./build.sh in.</summary>
public sealed class TestRepository(string root, bool owned) : IDisposable
{
    public string Root => root;

    public string PathOf(string relative) => Path.Combine(root, relative);

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), text);
    }

    /// <summary>Runs ./build.sh with the arguments and waits (at most five minutes, which includes a recompilation).</summary>
    internal ProcessResult Run(params string[] args) => Run(TimeSpan.FromMinutes(5), args);

    /// <summary>Runs ./build.sh with the arguments and waits at most <paramref name="limit"/>.</summary>
    internal ProcessResult Run(TimeSpan limit, params string[] args) => Run(limit, args, new Dictionary<string, string>());

    /// <summary>Runs ./build.sh with the arguments and extra environment variables, and waits (at most five minutes).</summary>
    internal ProcessResult Run(string[] args, IReadOnlyDictionary<string, string> environment) => Run(TimeSpan.FromMinutes(5), args, environment);

    internal ProcessResult Run(TimeSpan limit, string[] args, IReadOnlyDictionary<string, string> environment)
    {
        using var process = Start(args, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit)) { process.Kill(entireProcessTree: true); throw new TimeoutException($"./build.sh did not finish in {limit}"); }
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts ./build.sh without waiting, for kill and concurrency tests.</summary>
    internal Process Start(params string[] args) => Start(args, new Dictionary<string, string>());

    internal Process Start(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("bash", ["build.sh", .. args])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment) info.Environment[name] = value;
        return Process.Start(info)!;
    }

    /// <summary>target → status, from .nuke/temp/run.json.</summary>
    internal Dictionary<string, string> Statuses()
    {
        using var doc = JsonDocument.Parse(Read(".nuke/temp/run.json"));
        return doc.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("target").GetString()!, e => e.GetProperty("status").GetString()!);
    }

    internal Dictionary<string, string> Reasons()
    {
        using var doc = JsonDocument.Parse(Read(".nuke/temp/run.json"));
        return doc.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("target").GetString()!, e => e.GetProperty("reason").GetString()!);
    }

    public void Dispose()
    {
        if (!owned || !Directory.Exists(root)) return;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(root, recursive: true);
    }
}
