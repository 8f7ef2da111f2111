using YamlDotNet.Serialization;

namespace Pipeline.Ml.Validation;

/// <summary>The YAML shape of one column in data/schema.yaml.</summary>
internal sealed class ColumnDocument
{
    [YamlMember(Alias = "name", Order = 0)] public string Name { get; set; } = "";
    [YamlMember(Alias = "kind", Order = 1)] public string Kind { get; set; } = "";
    [YamlMember(Alias = "nullable", Order = 2, DefaultValuesHandling = DefaultValuesHandling.Preserve)] public bool Nullable { get; set; }
    [YamlMember(Alias = "null_rate", Order = 3, DefaultValuesHandling = DefaultValuesHandling.Preserve)] public double NullRate { get; set; }
    [YamlMember(Alias = "min", Order = 4)] public double? Min { get; set; }
    [YamlMember(Alias = "max", Order = 5)] public double? Max { get; set; }
    [YamlMember(Alias = "categories", Order = 6)] public List<string>? Categories { get; set; }
}
