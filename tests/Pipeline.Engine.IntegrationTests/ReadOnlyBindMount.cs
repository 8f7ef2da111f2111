using System.Diagnostics;

namespace Pipeline.Engine.IntegrationTests;

/// <summary>A directory bind-mounted read-only onto itself (EROFS for every write, root's included); unmounted on dispose.</summary>
internal sealed class ReadOnlyBindMount : IDisposable
{
    private readonly string _path;

    public ReadOnlyBindMount(string path)
    {
        _path = path;
        Run("mount", "--bind", path, path);
        Run("mount", "-o", "remount,bind,ro", path);
    }

    public void Dispose() => Run("umount", "-l", _path);

    private static void Run(string command, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{command} {string.Join(' ', args)}: exit {process.ExitCode} {error}");
    }
}
