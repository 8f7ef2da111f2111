using Pipeline.Git;
using Pipeline.Git.Registry;
using Pipeline.Ml.Gate;

namespace ReferencePipeline;

/// <summary>
/// Which registered version is in production: the git tag registry's "production" stage when the repository has
/// one (the audit trail), else the registry folder's own pointer (a repository without git, or before --commit).
/// </summary>
internal static class ProductionModel
{
    /// <summary>The version folder under <paramref name="registry"/>, or null when nothing is in production.</summary>
    public static string? Folder(string root, string registry, string model)
    {
        if (FromTags(root, model) is { } version && Directory.Exists(Path.Combine(registry, model, version)))
            return Path.Combine(registry, model, version);
        return RegistryFolder.Production(registry, model);
    }

    /// <summary>The version ("v1.2.3") the git tags put in production, or null.</summary>
    public static string? FromTags(string root, string model)
    {
        using var repo = GitRepositoryLocator.TryOpen(root);
        if (repo?.Head.Tip is null) return null;
        var production = new ModelRegistry(repo, TimeProvider.System, new GitIdentity("pipeline", "pipeline@localhost")).Production(model);
        return production is null ? null : production.Name;
    }
}
