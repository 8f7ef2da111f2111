using Pipeline.Engine.Dvc;

namespace Pipeline.Git.Reproduce;

/// <summary>Compares the outputs of a recorded dvc.lock with the dvc.lock a rerun wrote.</summary>
internal static class LockComparison
{
    /// <summary>One row per output of <paramref name="expected"/> that has a recorded hash, in lock order.</summary>
    public static IReadOnlyList<ReproducedOutput> Compare(LockFile expected, LockFile actual)
    {
        var rows = new List<ReproducedOutput>();
        foreach (var stage in expected.StageNames)
        {
            var rerun = actual.Get(stage);
            foreach (var output in expected.Get(stage)!.Outs)
            {
                if (output.Info is null) continue;
                var produced = rerun?.Outs.FirstOrDefault(o => o.Path == output.Path)?.Info?.Hash.Value;
                var verdict = produced is null ? OutputVerdict.Missing
                    : produced == output.Info.Hash.Value ? OutputVerdict.Match
                    : OutputVerdict.Different;
                rows.Add(new ReproducedOutput(stage, output.Path, output.Info.Hash.Value, produced, verdict));
            }
        }
        return rows;
    }
}
