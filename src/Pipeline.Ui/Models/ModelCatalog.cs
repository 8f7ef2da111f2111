using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Engine.Execution;
using Pipeline.Engine.Primitives;
using Pipeline.Engine.Serialization;
using Pipeline.Git;
using Pipeline.Git.Registry;
using Pipeline.Ml.Gate;
using YamlDotNet.Core;

namespace Pipeline.Ui.Models;

/// <summary>
/// Reads the registry folder (<c>models/registry/&lt;model&gt;/&lt;version&gt;/</c>, the owner of "which version is
/// production") and the GTO stages of the git tags. A version's missing or corrupt file is a message on its row.
/// </summary>
internal static partial class ModelCatalog
{
    /// <summary>Every model folder with a plain name, by name.</summary>
    public static IReadOnlyList<string> Names(string registry) => !Directory.Exists(registry)
        ? []
        : Directory.GetDirectories(registry).Select(Path.GetFileName).OfType<string>()
            .Where(n => ModelName().IsMatch(n)).Order(StringComparer.Ordinal).ToList();

    /// <summary>True when <paramref name="model"/> names a model folder of the registry (so a URL cannot name anything else).</summary>
    public static bool IsModel(string registry, string model) => Names(registry).Contains(model, StringComparer.Ordinal);

    /// <summary>Every model with its versions, the production one and each version's stages from the tags.</summary>
    public static IReadOnlyList<ModelEntry> Read(string root, string registry, TimeProvider clock)
    {
        var stages = TagStages(root, clock);
        using var repo = GitRepositoryLocator.TryOpen(root);
        return Names(registry).Select(name => Entry(registry, name, stages.GetValueOrDefault(name), commit => repo is null ? null : CommitFile.Read(repo, root, commit, "params.yaml"))).ToList();
    }

    private static ModelEntry Entry(string registry, string name, ModelStatus? tags, Func<string, string?> paramsAt)
    {
        ModelVersion? production = null;
        string? problem = null;
        try
        {
            production = RegistryFolder.ProductionVersion(registry, name);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IOException)
        {
            problem = $"The production pointer models/registry/{name}/{RegistryFolder.ProductionFile} is not a version ({e.Message}); promote a version to rewrite it.";
        }
        var versions = RegistryFolder.Versions(registry, name).Select(v =>
        {
            var stagesOf = tags?.Stages.Where(s => s.Value.Name == v.ToString()).Select(s => s.Key).ToList() ?? [];
            return Version(Path.Combine(registry, name, v.ToString()), v, stagesOf, paramsAt);
        }).ToList();
        return new ModelEntry(name, versions, production, problem);
    }

    private static ModelVersionInfo Version(string folder, ModelVersion version, IReadOnlyList<string> stages, Func<string, string?> paramsAt)
    {
        var problems = new List<string>();
        string? commit = null, registeredAt = null;
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var lineage = RegisteredLineage.Read(folder);
            (commit, registeredAt) = (lineage.GitCommit, lineage.RegisteredAt);
            foreach (var (path, hash) in lineage.Inputs ?? new Dictionary<string, string>()) inputs[path] = hash;
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidOperationException or UnauthorizedAccessException)
        {
            problems.Add($"lineage.json: {(e is FileNotFoundException ? "missing" : e.Message)}");
        }
        var gate = GateReport(Path.Combine(folder, "gate.txt"), problems);
        return new ModelVersionInfo(version, commit, registeredAt, inputs, Params(commit, paramsAt, problems), Metrics(Path.Combine(folder, "metrics.json"), problems), stages,
            problems.Count > 0 ? string.Join("; ", problems) : null) { GateReport = gate };
    }

    /// <summary>The params of params.yaml at the version's commit, or null when that commit (or its params.yaml) is not in this clone.</summary>
    private static IReadOnlyDictionary<string, string>? Params(string? commit, Func<string, string?> paramsAt, List<string> problems)
    {
        try
        {
            return commit is not null && paramsAt(commit) is { } text ? ParamFlattener.Flatten(DvcYaml.Parse(text)) : null;
        }
        catch (Exception e) when (e is YamlException or FormatException or LibGit2Sharp.LibGit2SharpException)
        {
            problems.Add($"params.yaml of commit {commit}: {e.Message}");
            return null;
        }
    }

    private static string? GateReport(string path, List<string> problems)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"gate.txt: {e.Message}");
            return null;
        }
    }

    private static IReadOnlyDictionary<string, string> Metrics(string path, List<string> problems)
    {
        if (!File.Exists(path)) return new Dictionary<string, string>();
        try
        {
            return ParamFlattener.Flatten(DvcYaml.Parse(File.ReadAllText(path)));
        }
        catch (Exception e) when (e is YamlException or FormatException or IOException)
        {
            problems.Add($"metrics.json: {e.Message}");
            return new Dictionary<string, string>();
        }
    }

    // NOTE: the tags are GTO's view; outside a git repository (or with no tags) there are simply no stages to show.
    private static Dictionary<string, ModelStatus> TagStages(string root, TimeProvider clock)
    {
        using var repo = GitRepositoryLocator.TryOpen(root);
        if (repo is null) return [];
        try
        {
            return new ModelRegistry(repo, clock, new GitIdentity("pipeline-ui", "pipeline@localhost")).Models().ToDictionary(m => m.Name, StringComparer.Ordinal);
        }
        catch (LibGit2Sharp.LibGit2SharpException)
        {
            return [];
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex ModelName();
}
