using Pipeline.Engine.Primitives;
using Pipeline.Engine.Serialization;

namespace Pipeline.Engine.Dvc;

/// <summary>A <c>.dvc</c> file as <c>dvc add</c> writes it (docs/dvc-format.md §5).</summary>
public static class DvcFile
{
    /// <summary>The text of <c>&lt;name&gt;.dvc</c> for an output named <paramref name="fileName"/> (basename).</summary>
    public static string ToText(HashInfo info, string fileName)
    {
        // NOTE: key order md5, size, nfiles, isexec, hash, path differs from dvc.lock items on purpose (DVC's Output.dumpd).
        var output = new OrderedMap { { "md5", info.Hash.Value }, { "size", info.Size } };
        if (info.FileCount is { } n) output.Add("nfiles", (long)n);
        if (info.IsExecutable) output.Add("isexec", true);
        output.Add("hash", "md5");
        output.Add("path", fileName);
        return DvcYaml.Emit(new OrderedMap { { "outs", new List<object?> { output } } });
    }

    /// <summary>Reads the single out of a .dvc file: its path (relative to the .dvc file's directory) and hash info.</summary>
    /// <exception cref="FormatException">Not a single-output .dvc file with a DVC 3 (md5) hash.</exception>
    public static (string Path, HashInfo Info) Parse(string text)
    {
        object? root;
        try
        {
            root = DvcYaml.Parse(text);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new FormatException($"Invalid YAML at line {e.Start.Line}: {e.Message}", e);
        }
        var outs = TreeValues.List(TreeValues.Map(root, ".dvc file").TryGetValue("outs", out var o) ? o : null, "outs");
        if (outs.Count != 1) throw new FormatException($"A .dvc file must list exactly one output under 'outs', found {outs.Count}.");
        var item = LockedPathTree.FromTree(outs[0], "outs");
        if (item.Info is null)
            throw new FormatException($"Output '{item.Path}' has no DVC 3 hash (md5 with 'hash: md5'); re-add it with 'dvc add'.");
        return (item.Path, item.Info);
    }
}
