namespace Pipeline.Ml.Gate;

/// <summary>
/// The files a registration copies (each under its own file name): the model, and where present its schema,
/// metrics, reference profile and any extra files (e.g. models/model.json with the decision threshold).
/// </summary>
public sealed record RegistryFiles(string Model)
{
    public string? Schema { get; init; }

    public string? Metrics { get; init; }

    public string? Profile { get; init; }

    public IReadOnlyList<string> Extra { get; init; } = [];

    /// <summary>Every file to copy, in a fixed order.</summary>
    public IEnumerable<string> All() => new[] { Model, Schema, Metrics, Profile }.OfType<string>().Concat(Extra);
}
