using System.Text;
using Pipeline.Engine.Failures;
using Pipeline.Engine.IO;

namespace Pipeline.Engine.Execution;

/// <summary>
/// One run at a time per repository: an exclusive OS lock on <c>.nuke/temp/run.lock</c> (released by the OS even
/// when the process is killed) plus a note of who holds it, so a second run stops at once and says why. A workspace
/// the run cannot write (read-only, full, no permission) is reported as such, not as a lock held by another run.
/// </summary>
internal sealed class RepositoryLock : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _ownerFile;

    private RepositoryLock(FileStream stream, string ownerFile) => (_stream, _ownerFile) = (stream, ownerFile);

    public static RepositoryLock Acquire(string lockFile, string owner)
    {
        var ownerFile = lockFile + ".owner";
        FileStream stream;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
            stream = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IoFailure.IsLockHeld(e))
        {
            var holder = File.Exists(ownerFile) ? File.ReadAllText(ownerFile).Trim() : "another process";
            throw new RepositoryStateException(
                $"Another run holds the repository lock ({holder}). Wait for it to finish, or stop it; " +
                $"the lock ({lockFile}) is released automatically when that process ends.");
        }
        catch (Exception e) when (IoFailure.IsEnvironmental(e))
        {
            throw CannotWrite(lockFile, e);
        }
        try
        {
            File.WriteAllText(ownerFile, owner, Encoding.UTF8);
        }
        catch (Exception e) when (IoFailure.IsEnvironmental(e))
        {
            stream.Dispose();
            throw CannotWrite(ownerFile, e);
        }
        return new RepositoryLock(stream, ownerFile);
    }

    private static RepositoryStateException CannotWrite(string path, Exception e)
    {
        var fix = IoFailure.IsDiskFull(e) ? "free space on that disk"
            : IoFailure.IsReadOnly(e) ? "run from a writable copy of the repository (this one is mounted read-only)"
            : $"make {Path.GetDirectoryName(path)} writable for this user";
        return new RepositoryStateException(
            $"Cannot take the repository lock: {IoFailure.Describe(e)} writing '{path}'. A run needs a writable workspace: {fix}, then run again.", e);
    }

    public void Dispose()
    {
        try { File.Delete(_ownerFile); } catch (IOException) { }
        _stream.Dispose();
    }
}
