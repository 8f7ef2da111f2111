namespace Pipeline.Ml.Training;

/// <summary>One sampled configuration: its index (the trial number), trainer and hyper-parameters (sorted by name).</summary>
internal sealed record TrialConfig(int Index, string Trainer, SortedDictionary<string, double> Params)
{
    /// <summary>The seed of this configuration's MLContext at a rung, derived from the run seed only.</summary>
    public int SeedAt(int runSeed, int rung) => TrialSeeds.Derive(runSeed, Index, rung);
}
