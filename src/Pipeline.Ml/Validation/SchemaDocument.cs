using YamlDotNet.Serialization;

namespace Pipeline.Ml.Validation;

/// <summary>The YAML shape of data/schema.yaml (members in file order).</summary>
internal sealed class SchemaDocument
{
    [YamlMember(Alias = "label", Order = 0)] public string Label { get; set; } = "";
    [YamlMember(Alias = "task", Order = 1)] public string Task { get; set; } = "";
    [YamlMember(Alias = "key", Order = 2)] public string? Key { get; set; }
    [YamlMember(Alias = "positive_class", Order = 3)] public string? PositiveClass { get; set; }
    [YamlMember(Alias = "label_classes", Order = 4)] public List<string>? LabelClasses { get; set; }
    [YamlMember(Alias = "label_distribution", Order = 5)] public SortedDictionary<string, double>? LabelDistribution { get; set; }
    [YamlMember(Alias = "columns", Order = 6)] public List<ColumnDocument> Columns { get; set; } = [];
}
