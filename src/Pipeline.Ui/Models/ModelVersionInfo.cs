using Pipeline.Engine.Primitives;

namespace Pipeline.Ui.Models;

/// <summary>
/// One registered version: its lineage (commit, input hashes, and the params of params.yaml at that commit, null when the
/// commit is not in this clone), its metrics, the GTO stages its tags give it, and the gate report registered with it
/// (null: registered before Register kept one).
/// </summary>
internal sealed record ModelVersionInfo(
    ModelVersion Version,
    string? Commit,
    string? RegisteredAt,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyDictionary<string, string>? Params,
    IReadOnlyDictionary<string, string> Metrics,
    IReadOnlyList<string> Stages,
    string? Problem)
{
    /// <summary>The gate.txt registered with the version, or null when it has none.</summary>
    public string? GateReport { get; init; }
}

/// <summary>A model of the registry folder: its versions (ascending) and which one is production.</summary>
internal sealed record ModelEntry(string Name, IReadOnlyList<ModelVersionInfo> Versions, ModelVersion? Production, string? Problem);
