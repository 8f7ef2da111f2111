using Pipeline.Engine.IO;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Execution;

/// <summary>
/// Makes a succeeded target's work permanent, in an order that a kill at any point survives: staged outputs are
/// moved into place, hashed and cached first; only then the code file, dvc.lock entry and run-cache entry are written.
/// </summary>
internal sealed class OutputCommitter(RunServices services)
{
    public StageLock Commit(TargetSpec spec, StageLock current, string stagingRoot)
    {
        // NOTE: a lock-free target runs beside other runs, so it records nothing in dvc.lock (it has no outputs anyway).
        if (spec.Unlocked) return current;
        var outs = new List<LockedPath>();
        foreach (var path in spec.AllOutputs.Select(StageReader.Normalize))
        {
            var abs = Path.Combine(services.Layout.Root, path);
            Promote(Path.Combine(stagingRoot, path), abs);
            if (!File.Exists(abs) && !Directory.Exists(abs))
                throw new TargetCheckException($"{spec.Name} succeeded but did not write its declared output '{path}'. Write it (through ctx.Output(\"{path}\")) or remove it from the target's outputs.");
            var hashed = services.Hasher.Hash(abs);
            services.Cache.Add(hashed);
            outs.Add(new LockedPath(path, hashed.Info));
            if (!spec.Metrics.Select(StageReader.Normalize).Contains(path)) IgnoreInGit(path);
        }
        // NOTE: dependencies are hashed again after the run, as DVC does, so an input the target itself created
        // (an optional input such as an inferred schema) is recorded as it is now.
        var entry = current with { Deps = new StageReader(services).Current(spec).Deps, Outs = outs };
        Record(spec, entry);
        if (entry.Deps.Count > 0 && outs.Count > 0 && !spec.AlwaysRun && !spec.NoRunCache) services.RunCache.Save(entry);
        DeleteDirectory(stagingRoot);
        return entry;
    }

    /// <summary>Writes the code file and the dvc.lock entry (the last step: only a complete target gets an entry).</summary>
    public void Record(TargetSpec spec, StageLock entry)
    {
        if (services.Code.TryGetValue(spec.Name, out var code))
            AtomicFile.WriteIfChanged(Path.Combine(services.Layout.Root, RepositoryLayout.CodeFileOf(spec.Name)), code.Listing);
        lock (services.LockGate)
        {
            services.Lock.Set(spec.Name, entry);
            services.Lock.Save(services.Layout.LockFile);
        }
    }

    private static void Promote(string staged, string destination)
    {
        if (!File.Exists(staged) && !Directory.Exists(staged)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        if (Directory.Exists(destination)) Directory.Delete(destination, recursive: true);
        if (Directory.Exists(staged)) Directory.Move(staged, destination);
        else File.Move(staged, destination, overwrite: true);
    }

    private void IgnoreInGit(string path)
    {
        var dir = Path.GetDirectoryName(Path.Combine(services.Layout.Root, path))!;
        GitIgnoreFile.AddEntry(Path.Combine(dir, ".gitignore"), "/" + Path.GetFileName(path));
    }

    public static void DeleteDirectory(string dir)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }
}
