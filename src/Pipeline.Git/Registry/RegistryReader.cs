using LibGit2Sharp;

namespace Pipeline.Git.Registry;

/// <summary>Reads the GTO tags of a repository into events and replays them per artifact.</summary>
internal static class RegistryReader
{
    /// <summary>All annotated GTO tags as events in replay order; lightweight tags are ignored, as GTO's <c>find</c> does.</summary>
    public static IReadOnlyList<RegistryEvent> Events(Repository repo)
    {
        var events = new List<RegistryEvent>();
        foreach (var tag in repo.Tags)
        {
            if (!tag.IsAnnotated) continue;
            var parsed = RegistryTagName.TryParse(tag.FriendlyName);
            if (parsed is null || tag.PeeledTarget is not Commit commit) continue;
            var a = tag.Annotation;
            events.Add(new RegistryEvent(tag.FriendlyName, parsed, a.Tagger.When, a.Tagger.Name, a.Tagger.Email, a.Message, commit.Sha));
        }
        events.Sort(RegistryEventOrder.Instance);
        return events;
    }

    /// <summary>Every artifact's replayed history, by name in ordinal order.</summary>
    public static SortedDictionary<string, ArtifactHistory> Artifacts(Repository repo)
    {
        var artifacts = new SortedDictionary<string, ArtifactHistory>(StringComparer.Ordinal);
        foreach (var e in Events(repo))
        {
            if (!artifacts.TryGetValue(e.Parsed.Artifact, out var history))
                artifacts[e.Parsed.Artifact] = history = new ArtifactHistory(e.Parsed.Artifact);
            history.Apply(e);
        }
        return artifacts;
    }

    /// <summary>The largest counter on any tag of <paramref name="artifact"/>, lightweight tags included (GTO's <c>name_tag</c>).</summary>
    public static int MaxCounter(Repository repo, string artifact) => repo.Tags
        .Select(t => RegistryTagName.TryParse(t.FriendlyName))
        .Where(p => p is not null && p.Artifact == artifact && p.Counter is not null)
        .Select(p => p!.Counter!.Value)
        .DefaultIfEmpty(0)
        .Max();
}
