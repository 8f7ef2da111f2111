using Pipeline.Engine.Failures;
using Pipeline.Engine.IO;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Caching;

/// <summary>Checkout: verifies each object, builds every output beside its destination, then renames them into place.</summary>
public sealed partial class ObjectCache
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Materialises the object at <paramref name="destAbsPath"/>, replacing what is there.</summary>
    public void Checkout(ContentHash hash, string destAbsPath) => Checkout(hash, destAbsPath, isExecutable: false);

    /// <summary>
    /// Materialises the object at <paramref name="destAbsPath"/>, replacing what is there. Files get the default mode
    /// (0666 minus umask, writable), plus execute bits where readable when <paramref name="isExecutable"/>. A failure
    /// leaves the destination untouched. Throws <see cref="RepositoryStateException"/> naming a missing or corrupt object.
    /// </summary>
    public void Checkout(ContentHash hash, string destAbsPath, bool isExecutable) =>
        CheckoutAll([new CheckoutItem(hash, destAbsPath, isExecutable)]);

    /// <summary>
    /// Materialises several outputs all or nothing: every object is verified and copied beside its destination before
    /// the first destination is replaced, so a missing or corrupt object or a full disk leaves every destination as it was.
    /// </summary>
    internal void CheckoutAll(IReadOnlyList<CheckoutItem> items)
    {
        var staged = new List<(string Temp, string Dest)>();
        try
        {
            foreach (var item in items)
            {
                var dest = Path.TrimEndingDirectorySeparator(Path.GetFullPath(item.Destination));
                Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
                var temp = SiblingSwap.TempFor(dest);
                staged.Add((temp, dest));
                if (item.Hash.IsDirectory) MaterialiseDirectory(item.Hash, temp, dest);
                else MaterialiseFile(item, temp, dest);
            }
            foreach (var (temp, dest) in staged) SiblingSwap.Replace(temp, dest);
        }
        finally
        {
            foreach (var (temp, _) in staged) SiblingSwap.Delete(temp);
        }
    }

    private void MaterialiseFile(CheckoutItem item, string temp, string dest)
    {
        if (Problem(item.Hash, item.Size) is { } problem) throw Unusable(problem, dest);
        FileCloner.CloneOrCopy(ObjectPath(item.Hash), temp);
        if (item.IsExecutable && !OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(temp);
            File.SetUnixFileMode(temp, mode | (AnyExecute & (UnixFileMode)((int)mode >> 2)));
        }
    }

    private void MaterialiseDirectory(ContentHash hash, string temp, string dest)
    {
        if (DirectoryProblem(hash, out var manifest) is { } problem) throw Unusable(problem, dest);
        Directory.CreateDirectory(temp);
        foreach (var entry in manifest!.Entries)
        {
            // NOTE: DirManifest.Parse refused relpaths that leave the directory, so every file lands inside temp.
            var path = Path.Combine(temp, entry.RelPath.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            FileCloner.CloneOrCopy(ObjectPath(entry.Md5), path);
        }
    }

    private static RepositoryStateException Unusable(ObjectProblem problem, string dest) => problem.IsMissing
        ? new($"Cache object '{problem.Hash}' needed for '{dest}' is missing from the cache (expected at '{problem.ObjectPath}'). Re-run the stage that produces it, or fetch it from a remote.")
        : new($"Cache object '{problem.Hash}' needed for '{dest}' ({problem.ObjectPath}) {problem.Detail}. Re-run the stage that produces it, or fetch it from a remote.");
}
