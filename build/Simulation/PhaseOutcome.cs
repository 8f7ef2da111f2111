namespace ReferencePipeline.Simulation;

/// <summary>What one phase of simulated traffic saw: predictions and correct answers per model version that answered.</summary>
internal sealed class PhaseOutcome(string name)
{
    private readonly SortedDictionary<string, (int Predictions, int Correct)> byVersion = new(StringComparer.Ordinal);

    /// <summary>The phase's name (steady, drifted, canary, retrained).</summary>
    public string Name { get; } = name;

    /// <summary>Counts per model version (ordinal order).</summary>
    public IReadOnlyDictionary<string, (int Predictions, int Correct)> ByVersion => byVersion;

    /// <summary>All predictions of the phase.</summary>
    public int Predictions => byVersion.Values.Sum(v => v.Predictions);

    /// <summary>Share of correct predictions over all versions (NaN when none).</summary>
    public double Accuracy => Predictions == 0 ? double.NaN : byVersion.Values.Sum(v => v.Correct) / (double)Predictions;

    /// <summary>Counts one answered prediction.</summary>
    public void Add(string version, bool correct)
    {
        var (n, hits) = byVersion.GetValueOrDefault(version);
        byVersion[version] = (n + 1, hits + (correct ? 1 : 0));
    }

    /// <summary>Adds another outcome's counts (e.g. one chunk of a longer phase).</summary>
    public void Add(PhaseOutcome other)
    {
        foreach (var (version, (n, correct)) in other.ByVersion)
        {
            var (total, hits) = byVersion.GetValueOrDefault(version);
            byVersion[version] = (total + n, hits + correct);
        }
    }
}
