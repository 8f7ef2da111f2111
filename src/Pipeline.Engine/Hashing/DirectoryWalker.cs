using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Hashing;

/// <summary>
/// Lists the files DVC puts in a directory's manifest (docs/dvc-format.md §3.1): like <c>os.walk(followlinks=False)</c>
/// with the built-in ignores <c>.git</c> (file or dir), <c>.hg/</c>, <c>.dvc/</c> and nested DVC repositories.
/// Symlinks to files are included; symlinked directories are never descended. User <c>.dvcignore</c> patterns are
/// not applied; a <c>.dvcignore</c> inside the directory is an error, as in DVC.
/// </summary>
public static class DirectoryWalker
{
    private static readonly EnumerationOptions Options = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Returns (relpath with '/' separators, absolute path) for every included file, in no particular order.</summary>
    public static List<(string RelPath, string AbsPath)> Files(string root)
    {
        var result = new List<(string, string)>();
        Walk(Path.TrimEndingDirectorySeparator(root), "", result);
        return result;
    }

    private static void Walk(string dir, string relPrefix, List<(string, string)> result)
    {
        var subdirs = new List<string>();
        foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos("*", Options))
        {
            var name = entry.Name;
            if (name == ".git") continue;
            // NOTE: os.walk classifies with is_dir(), which follows symlinks: a link to a directory is a directory.
            var isLink = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
            var isDir = isLink ? Directory.Exists(entry.FullName) : entry is DirectoryInfo;
            if (isDir)
            {
                if (name is ".hg" or ".dvc" || isLink || Path.Exists(Path.Combine(entry.FullName, ".dvc"))) continue;
                subdirs.Add(name);
            }
            else if (name == ".dvcignore")
            {
                throw new PipelineDefinitionException($".dvcignore file should not be in collected dir path: '{dir}'. Move it to the repository root or above the tracked directory.");
            }
            else
            {
                result.Add((relPrefix + name, entry.FullName));
            }
        }
        foreach (var sub in subdirs) Walk(Path.Combine(dir, sub), relPrefix + sub + "/", result);
    }
}
