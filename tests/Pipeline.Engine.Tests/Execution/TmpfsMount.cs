using System.Diagnostics;

namespace Pipeline.Engine.Tests.Execution;

/// <summary>
/// A small tmpfs mounted on a fresh temporary directory (Linux, root or CAP_SYS_ADMIN), for full-disk, read-only and
/// cross-file-system tests; unmounted and removed on dispose.
/// </summary>
internal sealed class TmpfsMount : IDisposable
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    /// <summary>Mounts on <paramref name="at"/> (an existing directory, hidden while mounted) or on a new temporary directory.</summary>
    public TmpfsMount(string sizeOption = "1m", string? at = null)
    {
        _ownsDirectory = at is null;
        Path = at ?? Directory.CreateTempSubdirectory("pe-tmpfs-").FullName;
        var result = Run("mount", "-t", "tmpfs", "-o", $"size={sizeOption}", "tmpfs", Path);
        if (result is not null)
        {
            if (_ownsDirectory) Directory.Delete(Path);
            throw new InvalidOperationException($"mount failed: {result}");
        }
    }

    private readonly bool _ownsDirectory;

    /// <summary>The mount point.</summary>
    public string Path { get; }

    /// <summary>Why mounting is impossible here, or null when it works.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    /// <summary>Remounts read-only (EROFS for every write, whoever the user is).</summary>
    public void MakeReadOnly() => Check(Run("mount", "-o", "remount,ro", Path));

    /// <summary>Fills the file system until a write fails with ENOSPC; returns the filler file.</summary>
    public string Fill()
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        var block = new byte[4096];
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        try
        {
            while (true) stream.Write(block);
        }
        catch (IOException)
        {
            // NOTE: the disk is full now; what did fit stays.
        }
        return filler;
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        if (!_ownsDirectory) return;
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }

    private static void Check(string? error)
    {
        if (error is not null) throw new InvalidOperationException(error);
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux()) return "tmpfs mounts need Linux";
        try
        {
            using var probe = new TmpfsMount("64k");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return $"mounting a tmpfs is not permitted here ({e.Message.Trim()}); run the tests as root or with CAP_SYS_ADMIN";
        }
    }

    private static string? Run(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command, args) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : $"{command} {string.Join(' ', args)}: exit {process.ExitCode} {error}";
    }
}
