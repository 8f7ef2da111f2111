using Pipeline.Engine.Primitives;

namespace Pipeline.Git.Registry;

/// <summary>
/// Replays one artifact's events in time order into its current state, as GTO's <c>Artifact.add_event</c> does:
/// a version is registered while its latest register/deregister event is a registration; a version is in a stage
/// while its latest assign/unassign event for that stage is an assignment.
/// </summary>
internal sealed class ArtifactHistory(string name)
{
    private readonly List<VersionRecord> _versions = [];
    private readonly Dictionary<(string Stage, string Version), RegistryEvent> _stageEvents = [];
    private bool _deprecated;

    /// <summary>The artifact name.</summary>
    public string Name { get; } = name;

    /// <summary>True when the artifact's latest event is a deprecation.</summary>
    public bool Deprecated => _deprecated;

    /// <summary>Every version ever seen, registered or implicit.</summary>
    public IReadOnlyList<VersionRecord> Versions => _versions;

    /// <summary>Applies the next event (events must arrive in time order).</summary>
    public void Apply(RegistryEvent e)
    {
        _deprecated = e.Parsed.Action == RegistryAction.Deprecate;
        switch (e.Parsed.Action)
        {
            case RegistryAction.Register:
            case RegistryAction.Deregister:
                var version = _versions.Find(v => v.Name == e.Parsed.Version);
                if (version is null) _versions.Add(version = new VersionRecord(e.Parsed.Version!, e.CommitSha));
                version.Registered = e.Parsed.Action == RegistryAction.Register;
                version.EverRegistered |= version.Registered;
                break;
            case RegistryAction.Assign:
            case RegistryAction.Unassign:
                var target = VersionAt(e.CommitSha);
                _stageEvents[(e.Parsed.Stage!, target.Name)] = e;
                break;
        }
    }

    /// <summary>The greatest version among registered versions.</summary>
    public VersionRecord? Latest() => _versions
        .Where(v => v.Registered && v.Version is not null)
        .MaxBy(v => v.Version);

    /// <summary>The greatest version ever registered (deregistered included, so a new tag never collides).</summary>
    public ModelVersion? GreatestEverRegistered() => _versions
        .Where(v => v.EverRegistered && v.Version is not null)
        .Select(v => v.Version!)
        .Max();

    /// <summary>Per stage, the version whose assignment is newest among those still assigned.</summary>
    public SortedDictionary<string, VersionRecord> Stages()
    {
        var stages = new SortedDictionary<string, VersionRecord>(StringComparer.Ordinal);
        var newest = new Dictionary<string, RegistryEvent>();
        foreach (var ((stage, versionName), e) in _stageEvents)
        {
            if (e.Parsed.Action != RegistryAction.Assign) continue;
            if (newest.TryGetValue(stage, out var current) && RegistryEventOrder.Instance.Compare(current, e) > 0) continue;
            newest[stage] = e;
            stages[stage] = _versions.Single(v => v.Name == versionName);
        }
        return stages;
    }

    /// <summary>The version a stage tag on <paramref name="commitSha"/> refers to; an implicit SHA-named one when none is registered there.</summary>
    private VersionRecord VersionAt(string commitSha)
    {
        var onCommit = _versions.Where(v => v.CommitSha == commitSha).ToList();
        var found = onCommit.Where(v => v.Registered).MaxBy(v => v.Version) ?? onCommit.FirstOrDefault();
        if (found is not null) return found;
        var implicitVersion = new VersionRecord(commitSha, commitSha);
        _versions.Add(implicitVersion);
        return implicitVersion;
    }

    /// <summary>One version of the artifact and whether it is currently registered.</summary>
    internal sealed class VersionRecord(string name, string commitSha)
    {
        /// <summary>The version name (<c>v1.2.3</c> or a commit SHA).</summary>
        public string Name { get; } = name;

        /// <summary>The commit the version's tags point to.</summary>
        public string CommitSha { get; } = commitSha;

        /// <summary>The parsed version, null for an implicit (SHA-named) one.</summary>
        public ModelVersion? Version { get; } = ModelVersion.TryParse(name, out var v) ? v : null;

        /// <summary>True while the latest register/deregister event is a registration.</summary>
        public bool Registered { get; set; }

        /// <summary>True when a registration tag exists for this version.</summary>
        public bool EverRegistered { get; set; }

        /// <summary>The public view of this version.</summary>
        public TaggedVersion ToTaggedVersion() => new(Name, CommitSha);
    }
}
