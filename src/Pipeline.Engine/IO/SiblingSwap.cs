using Pipeline.Engine.Caching;
using Pipeline.Formats.IO;

namespace Pipeline.Engine.IO;

/// <summary>
/// Puts a file or directory in place through a temporary sibling of the destination, so the destination holds either
/// its old content or the complete new one: never a half-copied file, also when the source is on another file system.
/// </summary>
internal static class SiblingSwap
{
    /// <summary>A hidden temporary name beside <paramref name="dest"/> (same directory, so a rename onto it is atomic).</summary>
    public static string TempFor(string dest, string suffix = "") => AtomicFile.TempPathFor(dest, suffix);

    /// <summary>
    /// Moves <paramref name="source"/> onto <paramref name="dest"/>, replacing what is there. A rename when both are on
    /// one file system; otherwise a copy to a temporary sibling of the destination, flushed to disk, then a rename. A
    /// failure (a full disk) leaves the destination as it was and removes the partial copy.
    /// </summary>
    public static void Move(string source, string dest)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
        var temp = TempFor(dest);
        var copied = false;
        try
        {
            try
            {
                // NOTE: Directory.Move renames files too and, unlike File.Move, never falls back to copying into the destination.
                Directory.Move(source, temp);
            }
            catch (IOException e) when (IoFailure.IsCrossDevice(e))
            {
                CopyDurably(source, temp);
                copied = true;
            }
            Replace(temp, dest);
            if (copied) Delete(source);
        }
        finally
        {
            Delete(temp);
        }
    }

    /// <summary>
    /// Renames <paramref name="temp"/> (a sibling of <paramref name="dest"/>) over <paramref name="dest"/>. A real
    /// directory in the way is moved aside first and removed after, and put back if the rename fails.
    /// </summary>
    public static void Replace(string temp, string dest)
    {
        var isDirectory = Directory.Exists(temp);
        var destInfo = new FileInfo(dest);
        if (Directory.Exists(dest) && destInfo.LinkTarget is null)
        {
            // NOTE: POSIX rename cannot swap two directories atomically; the old tree is moved aside first.
            var old = TempFor(dest, ".old");
            Directory.Move(dest, old);
            try
            {
                Directory.Move(temp, dest);
            }
            catch
            {
                Directory.Move(old, dest);
                throw;
            }
            Delete(old);
            return;
        }
        if (isDirectory)
        {
            if (destInfo.Exists || destInfo.LinkTarget is not null) File.Delete(dest);
            Directory.Move(temp, dest);
            return;
        }
        File.Move(temp, dest, overwrite: true);
    }

    /// <summary>Removes a file, a directory tree or a symbolic link (not what it points to), read-only files included.</summary>
    public static void Delete(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is null && Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
            return;
        }
        if (!info.Exists && info.LinkTarget is null) return;
        if (OperatingSystem.IsWindows()) File.SetAttributes(path, FileAttributes.Normal);
        File.Delete(path);
    }

    private static void CopyDurably(string source, string dest)
    {
        if (!Directory.Exists(source))
        {
            FileCloner.CloneOrCopy(source, dest, flushToDisk: true);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dest, File.GetUnixFileMode(source));
            return;
        }
        Directory.CreateDirectory(dest);
        foreach (var entry in Directory.EnumerateFileSystemEntries(source))
            CopyDurably(entry, Path.Combine(dest, Path.GetFileName(entry)));
    }
}
