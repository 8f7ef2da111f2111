using Pipeline.Engine.Primitives;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Git.Remotes;

/// <summary>Reads what a transfer needs from a run-cache entry (docs/dvc-format.md §10): the hashes of its outs.</summary>
internal static class RunCacheEntryFile
{
    /// <summary>The md5 of every out of the entry; <see cref="FormatException"/> when the text is not a run-cache entry.</summary>
    public static IReadOnlyList<ContentHash> OutputHashes(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new FormatException($"not YAML: {e.Message}", e);
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root || !root.Children.ContainsKey("cmd"))
            throw new FormatException("not a run-cache entry (no cmd)");
        if (!root.Children.TryGetValue("outs", out var outs)) return [];
        if (outs is not YamlSequenceNode list) throw new FormatException("outs is not a list");
        return list.Children.Select(o => o is YamlMappingNode m && m.Children.TryGetValue("md5", out var md5) && md5 is YamlScalarNode { Value: { } value }
                ? ContentHash.Parse(value)
                : throw new FormatException("an out without md5"))
            .ToList();
    }
}
