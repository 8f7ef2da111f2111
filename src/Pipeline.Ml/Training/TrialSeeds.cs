namespace Pipeline.Ml.Training;

/// <summary>Derives per-trial seeds from the run seed, so a trial's randomness never depends on scheduling.</summary>
internal static class TrialSeeds
{
    /// <summary>A non-negative seed mixed from (run seed, trial, rung) with a fixed integer hash (splitmix-style).</summary>
    public static int Derive(int runSeed, int trial, int rung)
    {
        var x = unchecked(((ulong)(uint)runSeed << 32) ^ ((ulong)(uint)trial << 8) ^ (uint)rung);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return (int)((x ^ (x >> 31)) & 0x7FFFFFFF);
    }
}
