using Pipeline.Formats.Columns;
using Pipeline.Formats.IO;
using Pipeline.Ml.Data;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipeline.Ml.Validation;

/// <summary>Reads and writes data/schema.yaml: a human-readable, stably ordered form of a <see cref="DatasetSchema"/>.</summary>
public static class SchemaFile
{
    private const string Banner = "# Dataset schema inferred by Validate; edit it to tighten or relax the checks.\n";

    /// <summary>The schema as YAML text (columns in file order, lists sorted ordinal, invariant numbers).</summary>
    public static string Format(DatasetSchema schema)
    {
        var document = new SchemaDocument
        {
            Label = schema.Label,
            Task = schema.Task.ToString().ToLowerInvariant(),
            Key = schema.Key,
            PositiveClass = schema.PositiveClass,
            LabelClasses = schema.LabelClasses.Count == 0 ? null : [.. schema.LabelClasses],
            LabelDistribution = schema.LabelDistribution.Count == 0 ? null : new(schema.LabelDistribution.ToDictionary(), StringComparer.Ordinal),
            Columns = [.. schema.Columns.Select(c => new ColumnDocument
            {
                Name = c.Name,
                Kind = c.Kind.ToString().ToLowerInvariant(),
                Nullable = c.Nullable,
                NullRate = Math.Round(c.NullRate, 6),
                Min = c.Min,
                Max = c.Max,
                Categories = c.Categories is null ? null : [.. c.Categories],
            })],
        };
        var serializer = new SerializerBuilder()
            .WithNamingConvention(NullNamingConvention.Instance)
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
            .WithQuotingNecessaryStrings()
            .WithNewLine("\n")
            .Build();
        return Banner + serializer.Serialize(document);
    }

    /// <summary>Writes <paramref name="schema"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, DatasetSchema schema) => AtomicFile.WriteAllText(path, Format(schema));

    /// <summary>Reads a schema file; a malformed file is an error naming it.</summary>
    public static DatasetSchema Read(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(NullNamingConvention.Instance).Build();
        SchemaDocument document;
        try
        {
            document = deserializer.Deserialize<SchemaDocument>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: the schema file is empty.");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{path}:{e.Start.Line}: {e.Message} Fix the file or delete it to infer it again.", e);
        }
        var columns = document.Columns.Select(c => new ColumnSchema(c.Name, ParseEnum<ColumnKind>(c.Kind, path))
        {
            Nullable = c.Nullable,
            NullRate = c.NullRate,
            Min = c.Min,
            Max = c.Max,
            Categories = c.Categories,
        }).ToList();
        return new DatasetSchema(columns, document.Label, ParseEnum<MlTask>(document.Task, path))
        {
            Key = document.Key,
            PositiveClass = document.PositiveClass,
            LabelClasses = document.LabelClasses ?? [],
            LabelDistribution = document.LabelDistribution ?? new SortedDictionary<string, double>(StringComparer.Ordinal),
        };
    }

    private static T ParseEnum<T>(string value, string path) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _)
            ? parsed
            : throw new InvalidDataException($"{path}: '{value}' is not a {typeof(T).Name}. Expected one of: {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
}
