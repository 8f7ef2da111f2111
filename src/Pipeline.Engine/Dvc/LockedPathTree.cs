using Pipeline.Engine.Primitives;
using Pipeline.Engine.Serialization;

namespace Pipeline.Engine.Dvc;

/// <summary>One deps/outs item of dvc.lock: <c>path, hash, md5, size, nfiles, isexec</c> (docs/dvc-format.md §7.1).</summary>
internal static class LockedPathTree
{
    private const string Md5HashName = "md5";

    /// <summary>The item tree; a path with no info (missing) gives just <c>path</c> and <c>hash</c>.</summary>
    public static OrderedMap ToTree(LockedPath item)
    {
        var tree = new OrderedMap { { "path", item.Path }, { "hash", Md5HashName } };
        if (item.Info is { } info)
        {
            tree.Add("md5", info.Hash.Value);
            tree.Add("size", info.Size);
            if (info.FileCount is { } n) tree.Add("nfiles", (long)n);
            if (info.IsExecutable) tree.Add("isexec", true);
        }
        return tree;
    }

    /// <summary>
    /// Reads an item. NOTE: an entry without <c>hash: md5</c> is a DVC 2.x (md5-dos2unix) hash that an md5
    /// comparison can't use, so it reads as "no info", which makes the stage re-run rather than trust it.
    /// </summary>
    public static LockedPath FromTree(object? value, string what)
    {
        var map = TreeValues.Map(value, what);
        var path = TreeValues.String(map, "path", what);
        var md5 = TreeValues.OptionalString(map, "md5", what);
        if (md5 is null || TreeValues.OptionalString(map, "hash", what) != Md5HashName) return new LockedPath(path, null);
        if (!ContentHash.TryParse(md5, out var hash))
            throw new FormatException($"'{what}.md5' of '{path}' is not an md5 hash: '{md5}'.");
        var size = TreeValues.OptionalLong(map, "size", what) ?? 0;
        var files = TreeValues.OptionalLong(map, "nfiles", what);
        var isExec = TreeValues.Flag(map, "isexec", what);
        return new LockedPath(path, new HashInfo(hash, size, files is { } n ? checked((int)n) : null, isExec));
    }
}
