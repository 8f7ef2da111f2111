namespace Pipeline.Engine.Serialization;

/// <summary>YAML as DVC writes it (ruamel round-trip emitter rules, dvc-format.md §12) and reads it (YAML 1.2 core schema).</summary>
internal static class DvcYaml
{
    /// <summary>Emits a value tree (see <see cref="OrderedMap"/>) byte for byte as DVC would.</summary>
    public static string Emit(object? tree) => throw new NotImplementedException("STUB: helper B");

    /// <summary>Parses YAML into a value tree keeping mapping order; scalars resolved per YAML 1.2 core schema.</summary>
    public static object? Parse(string text) => throw new NotImplementedException();
}
