using Pipeline.Engine.Failures;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Caching;

/// <summary>Checkout: builds the output beside its destination, then renames it into place.</summary>
internal sealed partial class ObjectCache
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Materialises the object at <paramref name="destAbsPath"/>, replacing what is there.</summary>
    public void Checkout(ContentHash hash, string destAbsPath) => Checkout(hash, destAbsPath, isExecutable: false);

    /// <summary>
    /// Materialises the object at <paramref name="destAbsPath"/>, replacing what is there. Files get the default mode
    /// (0666 minus umask, writable), plus execute bits where readable when <paramref name="isExecutable"/>. A failure
    /// leaves the destination untouched. Throws <see cref="RepositoryStateException"/> naming a missing object.
    /// </summary>
    public void Checkout(ContentHash hash, string destAbsPath, bool isExecutable)
    {
        var dest = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destAbsPath));
        var parent = Path.GetDirectoryName(dest)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, TempName(Path.GetFileName(dest)));
        try
        {
            if (hash.IsDirectory) MaterialiseDirectory(hash, temp, dest);
            else MaterialiseFile(hash, temp, dest, isExecutable);
            Replace(temp, dest, hash.IsDirectory);
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            else DeleteFile(temp);
        }
    }

    private void MaterialiseFile(ContentHash hash, string temp, string dest, bool isExecutable)
    {
        var source = ObjectPath(hash);
        if (!File.Exists(source)) throw Missing(hash, dest);
        FileCloner.CloneOrCopy(source, temp);
        if (isExecutable && !OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(temp);
            File.SetUnixFileMode(temp, mode | (AnyExecute & (UnixFileMode)((int)mode >> 2)));
        }
    }

    private void MaterialiseDirectory(ContentHash hash, string temp, string dest)
    {
        if (!File.Exists(ObjectPath(hash))) throw Missing(hash, dest);
        var manifest = TryReadManifest(hash)
            ?? throw new RepositoryStateException($"Cache object '{hash}' at '{ObjectPath(hash)}' is not a valid .dir manifest; delete it and re-run the stage that produces '{dest}'.");
        var missing = manifest.Entries.FirstOrDefault(e => !File.Exists(ObjectPath(e.Md5)));
        if (missing is not null) throw Missing(missing.Md5, Path.Combine(dest, missing.RelPath));
        Directory.CreateDirectory(temp);
        foreach (var entry in manifest.Entries)
        {
            var path = Path.Combine(temp, entry.RelPath.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            FileCloner.CloneOrCopy(ObjectPath(entry.Md5), path);
        }
    }

    private static void Replace(string temp, string dest, bool isDirectory)
    {
        var destInfo = new FileInfo(dest);
        var isRealDirectory = Directory.Exists(dest) && destInfo.LinkTarget is null;
        if (isRealDirectory)
        {
            // NOTE: POSIX rename cannot swap two directories atomically; the old tree is moved aside first.
            var old = Path.Combine(Path.GetDirectoryName(dest)!, TempName(Path.GetFileName(dest) + ".old"));
            Directory.Move(dest, old);
            try
            {
                Move(temp, dest, isDirectory);
            }
            catch
            {
                Directory.Move(old, dest);
                throw;
            }
            Directory.Delete(old, recursive: true);
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

    private static void Move(string temp, string dest, bool isDirectory)
    {
        if (isDirectory) Directory.Move(temp, dest);
        else File.Move(temp, dest);
    }

    private RepositoryStateException Missing(ContentHash hash, string dest) =>
        new($"Cache object '{hash}' needed for '{dest}' is missing from the cache (expected at '{ObjectPath(hash)}'). Re-run the stage that produces it, or fetch it from a remote.");
}
