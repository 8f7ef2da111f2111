using System.Text.Json;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Serialization;
using YamlDotNet.Core;

namespace Pipeline.Git.Diffs;

/// <summary>Loads a metrics or params file by extension: JSON via System.Text.Json, YAML via the DVC YAML reader.</summary>
internal static class StructuredFile
{
    /// <summary>The value tree of <paramref name="text"/>; a malformed or unsupported file throws a UsageException naming it and the revision.</summary>
    public static object? Load(string path, string text, string revision)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".json" => JsonTree.Parse(text),
                ".yaml" or ".yml" => DvcYaml.Parse(text),
                _ => throw new UsageException($"'{path}' ({revision}): only JSON and YAML metrics/params files are supported, not '{extension}'."),
            };
        }
        catch (Exception e) when (e is JsonException or YamlException)
        {
            throw new UsageException($"'{path}' at {revision} cannot be parsed: {e.Message}");
        }
    }
}
