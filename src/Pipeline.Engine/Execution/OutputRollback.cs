using Pipeline.Engine.Dvc;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Execution;

/// <summary>
/// Undoes a failed or cancelled target: its staging folder goes, outputs it changed in place are put back from the
/// cache as dvc.lock recorded them, and outputs that did not exist before the run are removed.
/// </summary>
internal sealed class OutputRollback(RunServices services)
{
    public void Undo(TargetSpec spec, StageLock? recorded, IReadOnlySet<string> existedBefore, string stagingRoot)
    {
        OutputCommitter.DeleteDirectory(stagingRoot);
        foreach (var path in spec.AllOutputs.Select(StageReader.Normalize))
        {
            var abs = Path.Combine(services.Layout.Root, path);
            var info = recorded?.Outs.FirstOrDefault(o => o.Path == path)?.Info;
            try
            {
                if (info is not null && services.Cache.Contains(info.Hash))
                {
                    var exists = File.Exists(abs) || Directory.Exists(abs);
                    if (!exists || services.Hasher.Hash(abs).Info.Hash != info.Hash) services.Cache.Checkout(info.Hash, abs);
                }
                else if (!existedBefore.Contains(path))
                {
                    if (Directory.Exists(abs)) Directory.Delete(abs, recursive: true);
                    else if (File.Exists(abs)) File.Delete(abs);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                services.Console.Warning($"Could not restore output '{path}' of {spec.Name} after its failure: {e.Message}");
            }
        }
    }
}
