using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Engine.Serialization;

/// <summary>Reads YAML into the value tree (see <see cref="OrderedMap"/>), resolving plain scalars as ruamel's YAML 1.2 resolver does.</summary>
internal static class DvcYamlReader
{
    private const string StrTag = "tag:yaml.org,2002:str";

    /// <summary>Parses the first document of <paramref name="text"/>; an empty document gives null.</summary>
    /// <exception cref="YamlException">Malformed YAML or a non-scalar mapping key (carries the position).</exception>
    public static object? Read(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static object? Convert(YamlNode node) => node switch
    {
        YamlScalarNode scalar => ConvertScalar(scalar),
        YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
        YamlMappingNode mapping => ConvertMapping(mapping),
        _ => throw new YamlException(node.Start, node.End, $"Unsupported YAML node {node.NodeType}."),
    };

    private static object? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        var tag = scalar.Tag.IsEmpty ? "" : scalar.Tag.Value;
        if (scalar.Style != ScalarStyle.Plain || tag == StrTag) return text;
        return DvcYamlScalar.ResolvePlain(text);
    }

    private static OrderedMap ConvertMapping(YamlMappingNode mapping)
    {
        var map = new OrderedMap();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode key)
                throw new YamlException(keyNode.Start, keyNode.End, "Mapping keys must be scalars.");
            var name = key.Value ?? "";
            if (map.ContainsKey(name))
                throw new YamlException(keyNode.Start, keyNode.End, $"Duplicate key '{name}'.");
            map.Add(name, Convert(valueNode));
        }
        return map;
    }
}
