using System.Text.Json;

namespace Pipeline.Ml.Gate;

/// <summary>What a version folder's <c>lineage.json</c> records (written by <see cref="RegistryFolder.Register"/>): the git commit, the registration time and the input hashes; absent fields are null.</summary>
public sealed record RegisteredLineage(string? GitCommit, string? RegisteredAt, IReadOnlyDictionary<string, string>? Inputs)
{
    /// <summary>Reads <paramref name="versionDir"/>'s lineage; a missing file throws <see cref="IOException"/>, a malformed one <see cref="JsonException"/> or <see cref="InvalidOperationException"/> (a field that is not a string).</summary>
    public static RegisteredLineage Read(string versionDir)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(versionDir, RegistryFolder.LineageFile)));
        var root = json.RootElement;
        var inputs = root.TryGetProperty("inputs", out var i) && i.ValueKind == JsonValueKind.Object
            ? i.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal)
            : null;
        return new RegisteredLineage(
            root.TryGetProperty("git_commit", out var c) ? c.GetString() : null,
            root.TryGetProperty("registered_at", out var at) ? at.GetString() : null,
            inputs);
    }
}
