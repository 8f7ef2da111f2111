namespace Pipeline.Ml.Features;

/// <summary>Inputs and outputs of the Featurize stage.</summary>
public sealed record FeaturizePaths
{
    /// <summary>data/validated/&lt;name&gt;.csv.</summary>
    public required string ValidatedCsv { get; init; }
    /// <summary>data/schema.yaml.</summary>
    public required string SchemaYaml { get; init; }
    /// <summary>data/features/train.csv (raw columns).</summary>
    public required string TrainCsv { get; init; }
    /// <summary>data/features/test.csv (raw columns).</summary>
    public required string TestCsv { get; init; }
    /// <summary>models/featurizer.zip (fitted transform chain with its input schema).</summary>
    public required string FeaturizerZip { get; init; }
    /// <summary>data/features/profile.json (reference profile of the train split).</summary>
    public required string ProfileJson { get; init; }
}
