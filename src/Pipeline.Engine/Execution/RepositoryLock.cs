using System.Text;
using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Execution;

/// <summary>
/// One run at a time per repository: an exclusive OS lock on <c>.nuke/temp/run.lock</c> (released by the OS even
/// when the process is killed) plus a note of who holds it, so a second run stops at once and says why.
/// </summary>
internal sealed class RepositoryLock : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _ownerFile;

    private RepositoryLock(FileStream stream, string ownerFile) => (_stream, _ownerFile) = (stream, ownerFile);

    public static RepositoryLock Acquire(string lockFile, string owner)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        var ownerFile = lockFile + ".owner";
        try
        {
            var stream = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            File.WriteAllText(ownerFile, owner, Encoding.UTF8);
            return new RepositoryLock(stream, ownerFile);
        }
        catch (IOException)
        {
            var holder = File.Exists(ownerFile) ? File.ReadAllText(ownerFile).Trim() : "another process";
            throw new RepositoryStateException(
                $"Another run holds the repository lock ({holder}). Wait for it to finish, or stop it; " +
                $"the lock ({lockFile}) is released automatically when that process ends.");
        }
    }

    public void Dispose()
    {
        try { File.Delete(_ownerFile); } catch (IOException) { }
        _stream.Dispose();
    }
}
