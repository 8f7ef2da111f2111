using LibGit2Sharp;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Primitives;

namespace Pipeline.Git.Registry;

/// <summary>Tag writing and lookups shared by the registry's commands.</summary>
public sealed partial class ModelRegistry
{
    private ArtifactHistory? History(string model) =>
        RegistryReader.Artifacts(repository).TryGetValue(model, out var history) ? history : null;

    private ArtifactHistory.VersionRecord FindVersion(string model, ModelVersion version)
    {
        RequireArtifact(model);
        var history = History(model)
            ?? throw new UsageException($"Model '{model}' has no registered versions. Register one first.");
        var name = version.ToString();
        return history.Versions.FirstOrDefault(v => v.Name == name)
            ?? throw new UsageException($"Version {name} of '{model}' is not registered. Known versions: {string.Join(", ", history.Versions.Select(v => v.Name))}.");
    }

    private int NextCounter(string model) => RegistryReader.MaxCounter(repository, model) + 1;

    private Commit ResolveCommit(string commitish) => GitRevision.ResolveCommit(repository, commitish);

    private string CreateTag(RegistryTagName tag, Commit commit, string message)
    {
        var name = tag.Format();
        if (repository.Tags[name] is not null)
            throw new UsageException($"Tag '{name}' exists already.");
        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), time.LocalTimeZone);
        // NOTE: `git tag -a -m` stores the message with one trailing newline; LibGit2Sharp prettifies the same way.
        repository.Tags.Add(name, commit, new Signature(tagger.Name, tagger.Email, now), message);
        return name;
    }

    private static void RequireArtifact(string model)
    {
        if (!RegistryTagName.IsValidArtifact(model))
            throw new UsageException($"'{model}' is not a valid model name: use letters, digits, '-', '_', '/' (e.g. 'churn' or 'models/churn'), starting and ending with a letter or digit; 'path/to:name' for a sub-directory.");
    }

    private static void RequireStage(string stage)
    {
        if (!RegistryTagName.IsValidStage(stage))
            throw new UsageException($"'{stage}' is not a valid stage name: use letters, digits, '-', '_', '/' (e.g. 'production', 'staging').");
    }
}
