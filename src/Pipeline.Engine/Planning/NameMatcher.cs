using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Planning;

/// <summary>
/// Finds targets by name the way NUKE does: case-insensitive with dashes ignored, so <c>train</c>,
/// <c>Train</c> and <c>tra-in</c> all name <c>Train</c>. Unknown names get a suggestion and the list of targets.
/// </summary>
internal sealed class NameMatcher
{
    private readonly IReadOnlyList<TargetSpec> _targets;
    private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="targets"/>; two names that differ only in case or dashes are a definition error.</summary>
    public NameMatcher(IReadOnlyList<TargetSpec> targets)
    {
        _targets = targets;
        for (var i = 0; i < targets.Count; i++)
        {
            var name = targets[i].Name;
            if (string.IsNullOrWhiteSpace(name) || Key(name).Length == 0)
            {
                throw new PipelineDefinitionException($"Target #{i + 1} has no name; every target needs a name.");
            }
            if (!_byKey.TryAdd(Key(name), i))
            {
                var first = targets[_byKey[Key(name)]].Name;
                throw new PipelineDefinitionException(
                    $"Targets '{first}' and '{name}' have the same name when case and dashes are ignored; rename one of them.");
            }
        }
    }

    /// <summary>"Known targets: A, B, C." in declaration order.</summary>
    public string KnownTargets =>
        _targets.Count == 0 ? "Known targets: (none)." : $"Known targets: {string.Join(", ", _targets.Select(t => t.Name))}.";

    /// <summary>The comparison key of a name: dashes removed, upper case.</summary>
    public static string Key(string name) => name.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>Finds the target a typed name refers to.</summary>
    public bool TryFind(string name, out int index) => _byKey.TryGetValue(Key(name), out index);

    /// <summary>Resolves a name typed on the command line; <paramref name="role"/> words the error, e.g. "Target" or "Skipped target".</summary>
    public int Resolve(string name, string role = "Target") =>
        TryFind(name, out var index) ? index : throw new UsageException($"{role} '{name}' not found. {DidYouMean(name)}{KnownTargets}");

    /// <summary>"Did you mean 'X'? " for the closest known name, or empty when nothing is close.</summary>
    public string DidYouMean(string name)
    {
        var key = Key(name);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var target in _targets)
        {
            var candidate = Key(target.Name);
            var distance = EditDistance.Between(key, candidate);
            // NOTE: allow one edit per three characters (at least one), so short typos match but unrelated names do not.
            var limit = Math.Max(1, Math.Max(key.Length, candidate.Length) / 3);
            if (distance <= limit && distance < bestDistance)
            {
                best = target.Name;
                bestDistance = distance;
            }
        }
        return best is null ? "" : $"Did you mean '{best}'? ";
    }
}
