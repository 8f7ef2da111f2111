namespace Pipeline.Engine.Hashing;

/// <summary>
/// What the state cache validates a remembered hash against (docs/dvc-format.md §11): inode, mtime in ns, size and
/// ctime in ns. On Linux all four come from <c>statx</c>; elsewhere inode and ctime are 0, so a file replaced by
/// another with the same size and mtime is not noticed there.
/// </summary>
internal readonly record struct FileStamp(ulong Inode, long MtimeNs, long Size, long CtimeNs)
{
    /// <summary>Stats <paramref name="absPath"/> following symlinks; null when it does not exist or is not a file.</summary>
    public static FileStamp? Read(string absPath)
    {
        if (LinuxStat.IsAvailable) return LinuxStat.Stat(absPath);
        var info = new FileInfo(absPath);
        if (info.LinkTarget is not null) info = info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
        if (!info.Exists) return null;
        // NOTE: DateTime ticks are 100 ns; the platform may keep finer mtimes, but equality is all that matters here.
        return new FileStamp(0, (info.LastWriteTimeUtc.Ticks - DateTime.UnixEpoch.Ticks) * 100, info.Length, 0);
    }
}
