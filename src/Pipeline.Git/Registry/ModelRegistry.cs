using LibGit2Sharp;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Primitives;

namespace Pipeline.Git.Registry;

/// <summary>
/// A GTO-compatible model registry on annotated git tags: registers versions (<c>model@v1.2.3</c>), assigns stages
/// (<c>model#production#3</c>) and reads the state back like <c>gto show</c>.
/// </summary>
/// <param name="repository">The git repository holding the tags.</param>
/// <param name="time">The clock for tagger timestamps (its local time zone gives the offset, as <c>git tag</c> does).</param>
/// <param name="tagger">Who writes the tags (GTO uses the git committer identity).</param>
/// <param name="productionStage">The stage <see cref="Production"/> resolves; "production" by default.</param>
public sealed partial class ModelRegistry(Repository repository, TimeProvider time, GitIdentity tagger, string productionStage = "production")
{
    /// <summary>Registers the next version of <paramref name="model"/> on a commit: v0.0.1 first, then the greatest registered version bumped.</summary>
    /// <param name="model">The artifact name (<c>churn</c> or <c>path/to:churn</c>).</param>
    /// <param name="commitish">The commit that produced the model (a SHA, branch, tag or <c>HEAD~1</c>).</param>
    /// <param name="bump">Which part to bump; ignored for the first version.</param>
    /// <param name="message">The tag message; GTO's default when null.</param>
    public TaggedVersion Register(string model, string commitish, VersionBump bump = VersionBump.Patch, string? message = null)
    {
        var history = History(model);
        var latest = history?.Latest()?.Version;
        return Register(model, commitish, latest is null ? ModelVersion.First : latest.Next(bump), message);
    }

    /// <summary>Registers an explicit version of <paramref name="model"/> on a commit.</summary>
    public TaggedVersion Register(string model, string commitish, ModelVersion version, string? message = null)
    {
        RequireArtifact(model);
        var commit = ResolveCommit(commitish);
        var history = History(model);
        var onCommit = history?.Versions.FirstOrDefault(v => v.CommitSha == commit.Sha && v.Registered);
        if (onCommit is not null)
            throw new UsageException($"Commit {commit.Sha[..7]} already has version {onCommit.Name} of '{model}'. Assign that version to a stage instead of registering a new one.");
        var name = version.ToString();
        if (history?.Versions.Any(v => v.Name == name) == true)
            throw new UsageException($"Version {name} of '{model}' was registered already. Pass a greater version or a bump (latest: {history.Latest()?.Name ?? "none"}).");
        var tag = new RegistryTagName(model, RegistryAction.Register, name, null, null);
        CreateTag(tag, commit, message ?? $"Registering artifact {model} version {name}");
        return new TaggedVersion(name, commit.Sha);
    }

    /// <summary>Assigns a registered version to a stage with tag <c>model#stage#N</c>; returns the tag name.</summary>
    public string Assign(string model, ModelVersion version, string stage, string? message = null)
    {
        RequireStage(stage);
        var found = FindVersion(model, version);
        if (History(model)!.Stages().TryGetValue(stage, out var current) && current.Name == found.Name)
            throw new UsageException($"Version {found.Name} of '{model}' is already in stage '{stage}'.");
        var tag = new RegistryTagName(model, RegistryAction.Assign, null, stage, NextCounter(model));
        return CreateTag(tag, ResolveCommit(found.CommitSha), message ?? $"Assigning stage {stage} to artifact {model} version {found.Name}");
    }

    /// <summary>Removes a version from a stage with tag <c>model#stage!#N</c>; returns the tag name.</summary>
    public string Unassign(string model, ModelVersion version, string stage, string? message = null)
    {
        RequireStage(stage);
        var found = FindVersion(model, version);
        if (!History(model)!.Stages().TryGetValue(stage, out var current) || current.Name != found.Name)
            throw new UsageException($"Stage '{stage}' is not assigned to version {found.Name} of '{model}'.");
        var tag = new RegistryTagName(model, RegistryAction.Unassign, null, stage, NextCounter(model));
        return CreateTag(tag, ResolveCommit(found.CommitSha), message ?? $"Unassigning stage '{stage}' to artifact '{model}' version '{found.Name}'");
    }

    /// <summary>Deregisters a version with tag <c>model@v1.2.3!</c>; returns the tag name.</summary>
    public string Deregister(string model, ModelVersion version, string? message = null)
    {
        var found = FindVersion(model, version);
        if (!found.Registered)
            throw new UsageException($"Version {found.Name} of '{model}' was deregistered already.");
        var tag = new RegistryTagName(model, RegistryAction.Deregister, found.Name, null, null);
        return CreateTag(tag, ResolveCommit(found.CommitSha), message ?? $"Deregistering artifact {model} version {found.Name}");
    }

    /// <summary>
    /// Makes the tags say what the registry folder says is production: registers <paramref name="version"/> on
    /// <paramref name="commitSha"/> unless it is registered already, then assigns it to the production stage unless it
    /// is there; true when a tag was written. Idempotent, so a killed <c>--commit</c> run that wrote some of the tags
    /// finishes the rest next time, and a version the serving host rolled back to is assigned back.
    /// </summary>
    public bool RecordProduction(string model, ModelVersion version, string commitSha)
    {
        var name = version.ToString();
        var registered = History(model)?.Versions.Any(v => v.Name == name && v.Registered) == true;
        if (!registered) Register(model, commitSha, version);
        if (Production(model)?.Name == name) return !registered;
        Assign(model, version, productionStage);
        return true;
    }

    /// <summary>Every non-deprecated model with its latest version and stages, by name.</summary>
    public IReadOnlyList<ModelStatus> Models() => RegistryReader.Artifacts(repository).Values
        .Where(a => !a.Deprecated)
        .Select(a => new ModelStatus(
            a.Name,
            a.Latest()?.ToTaggedVersion(),
            a.Stages().ToDictionary(s => s.Key, s => s.Value.ToTaggedVersion(), StringComparer.Ordinal)))
        .ToList();

    /// <summary>The models as a <c>gto show</c>-style table: <c>name | latest | #stage…</c>.</summary>
    public string RenderTable() => RegistryTable.Render(Models());

    /// <summary>The version currently in the production stage, or null when none is assigned.</summary>
    public TaggedVersion? Production(string model) => InStage(model, productionStage);

    /// <summary>The version currently in <paramref name="stage"/>, or null when none is assigned.</summary>
    public TaggedVersion? InStage(string model, string stage) =>
        History(model) is { } history && history.Stages().TryGetValue(stage, out var v) ? v.ToTaggedVersion() : null;
}
