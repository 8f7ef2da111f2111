using Pipeline.Engine.Caching;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Planning;
using Pipeline.Engine.Primitives;

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
        foreach (var output in spec.AllOutputs.Select(p => RepoPath.Parse(p)))
        {
            var path = output.Value;
            var info = recorded?.Outs.FirstOrDefault(o => o.Path == path)?.Info;
            try
            {
                // NOTE: a symbolic link leading outside the repository was refused on commit; nothing is put back through it either.
                var abs = output.ResolveInside(services.Layout.Root);
                if (info is not null && services.Cache.IsIntact(info))
                {
                    var exists = File.Exists(abs) || Directory.Exists(abs);
                    if (!exists || services.Hasher.Hash(abs).Info.Hash != info.Hash) services.Cache.CheckoutAll([CheckoutItem.Of(info, abs)]);
                }
                else if (!existedBefore.Contains(path))
                {
                    if (Directory.Exists(abs)) Directory.Delete(abs, recursive: true);
                    else if (File.Exists(abs)) File.Delete(abs);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or RepositoryStateException)
            {
                services.Console.Warning($"Could not restore output '{path}' of {spec.Name} after its failure: {e.Message}");
            }
        }
    }
}
