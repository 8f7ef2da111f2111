using Pipeline.Monitoring.Reports;

namespace ReferencePipeline.Simulation;

/// <summary>
/// What one phase of simulated traffic saw, per model version that answered (or scored the same rows in shadow): each
/// prediction's score and truth.
/// </summary>
internal sealed class PhaseOutcome(string name)
{
    private readonly SortedDictionary<string, List<(double Score, bool Positive, bool Correct)>> byVersion = new(StringComparer.Ordinal);
    private readonly SortedSet<string> shadows = new(StringComparer.Ordinal);

    /// <summary>The phase's name (steady, drifted, canary, retrained).</summary>
    public string Name { get; } = name;

    /// <summary>The versions that answered, in ordinal order.</summary>
    public IEnumerable<string> Versions => byVersion.Keys;

    /// <summary>All predictions answered in the phase (shadow scores not counted).</summary>
    public int Predictions => byVersion.Where(v => !shadows.Contains(v.Key)).Sum(v => v.Value.Count);

    /// <summary>Predictions answered by <paramref name="version"/>.</summary>
    public int PredictionsOf(string version) => byVersion[version].Count;

    /// <summary>Share of <paramref name="version"/>'s answers (its own label) that matched the truth.</summary>
    public double AccuracyOf(string version) => byVersion[version].Count(o => o.Correct) / (double)byVersion[version].Count;

    /// <summary>
    /// ROC AUC of <paramref name="version"/>'s scores (null with fewer than 5 of a class): unlike accuracy at a fixed
    /// threshold, it does not move just because drift changed the share of frauds.
    /// </summary>
    public double? AucOf(string version) => RocAuc.Compute(byVersion[version].Select(o => (o.Score, o.Positive)).ToList(), 5)?.Auc;

    /// <summary>True when <paramref name="version"/> scored the phase's rows in shadow (its answers went to no client).</summary>
    public bool IsShadow(string version) => shadows.Contains(version);

    /// <summary>Counts one answered prediction, or with <paramref name="shadow"/> one scored in shadow.</summary>
    public void Add(string version, double score, bool predicted, bool truth, bool shadow = false)
    {
        if (shadow) shadows.Add(version);
        if (!byVersion.TryGetValue(version, out var outcomes)) byVersion[version] = outcomes = [];
        outcomes.Add((score, truth, predicted == truth));
    }

    /// <summary>Adds another outcome's predictions (e.g. one chunk of a longer phase).</summary>
    public void Add(PhaseOutcome other)
    {
        shadows.UnionWith(other.shadows);
        foreach (var (version, outcomes) in other.byVersion)
        {
            if (!byVersion.TryGetValue(version, out var into)) byVersion[version] = into = [];
            into.AddRange(outcomes);
        }
    }
}
