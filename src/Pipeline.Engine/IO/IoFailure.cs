namespace Pipeline.Engine.IO;

/// <summary>
/// Names what an I/O failure is (a full disk, a read-only file system, a lock held by another process), from the
/// error code .NET keeps in <see cref="Exception.HResult"/>: the errno on Linux and macOS, the Win32 HRESULT on Windows.
/// </summary>
internal static class IoFailure
{
    private const int ErrnoAgainLinux = 11, ErrnoWouldBlockMac = 35, ErrnoCrossDevice = 18, ErrnoNoSpace = 28, ErrnoReadOnly = 30, ErrnoQuota = 122;
    private const int SharingViolation = unchecked((int)0x80070020), LockViolation = unchecked((int)0x80070021);
    private const int NotSameDevice = unchecked((int)0x80070011), DiskFull = unchecked((int)0x80070070), HandleDiskFull = unchecked((int)0x80070027);
    private const int WriteProtect = unchecked((int)0x80070013);

    /// <summary>True when an exclusive open failed only because another process holds the file's lock.</summary>
    public static bool IsLockHeld(IOException e) =>
        e.HResult is SharingViolation or LockViolation || (!OperatingSystem.IsWindows() && e.HResult is ErrnoAgainLinux or ErrnoWouldBlockMac);

    /// <summary>True when a rename failed because source and destination are on different file systems (or mounts).</summary>
    public static bool IsCrossDevice(IOException e) => e.HResult == (OperatingSystem.IsWindows() ? NotSameDevice : ErrnoCrossDevice);

    /// <summary>True for "no space left on device" (or a disk quota exceeded).</summary>
    public static bool IsDiskFull(Exception e) =>
        e is IOException && e.HResult is DiskFull or HandleDiskFull || (!OperatingSystem.IsWindows() && e is IOException && e.HResult is ErrnoNoSpace or ErrnoQuota);

    /// <summary>True for a write refused because the file system is mounted read-only.</summary>
    public static bool IsReadOnly(Exception e) =>
        e is IOException && (e.HResult == WriteProtect || (!OperatingSystem.IsWindows() && e.HResult == ErrnoReadOnly));

    /// <summary>What went wrong in a few lowercase words: "no space left on device", "read-only file system", "permission denied", or the message.</summary>
    public static string Describe(Exception e) => e switch
    {
        _ when IsDiskFull(e) => "no space left on device",
        _ when IsReadOnly(e) => "read-only file system",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message,
    };

    /// <summary>
    /// <see cref="Describe"/> plus the path the failure names, e.g. <c>no space left on device at '/repo/out/.x.tmp'</c>
    /// (.NET quotes the path in its messages; without one, the message itself follows).
    /// </summary>
    public static string Explain(Exception e)
    {
        var what = Describe(e);
        if (what == e.Message) return what;
        var first = e.Message.IndexOf('\'');
        var last = e.Message.LastIndexOf('\'');
        return first >= 0 && last > first ? $"{what} at {e.Message[first..(last + 1)]}" : $"{what} ({e.Message})";
    }

    /// <summary>True for a full disk, a read-only file system or a permission refused: the machine's state, not a bug.</summary>
    public static bool IsDiskOrPermission(Exception e) => IsDiskFull(e) || IsReadOnly(e) || e is UnauthorizedAccessException;

    /// <summary>True for the failures <see cref="Describe"/> explains (disk, permissions, file system), as opposed to bugs.</summary>
    public static bool IsEnvironmental(Exception e) => e is IOException or UnauthorizedAccessException;
}
