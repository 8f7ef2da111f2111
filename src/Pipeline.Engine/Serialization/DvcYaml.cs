namespace Pipeline.Engine.Serialization;

/// <summary>YAML as DVC writes it (ruamel round-trip emitter rules, docs/dvc-format.md §12) and reads it (YAML 1.2 core schema).</summary>
public static class DvcYaml
{
    /// <summary>Emits a value tree (see <see cref="OrderedMap"/>) byte for byte as DVC would.</summary>
    public static string Emit(object? tree) => DvcYamlEmitter.Dump(tree);

    /// <summary>Parses YAML into a value tree keeping mapping order; scalars resolved per YAML 1.2 core schema.</summary>
    /// <exception cref="YamlDotNet.Core.YamlException">Malformed YAML; <c>Start.Line</c> gives the 1-based line.</exception>
    public static object? Parse(string text) => DvcYamlReader.Read(text);

    /// <summary>One scalar as DVC would write it after <c>key: </c> (quoted when needed), without line folding.</summary>
    public static string EmitScalar(object? value) => DvcYamlEmitter.InlineScalar(value);
}
