using Pipeline.Engine.IO;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Planning;
using Pipeline.Engine.Primitives;
using Pipeline.Formats.IO;

namespace Pipeline.Engine.Execution;

/// <summary>
/// Makes a succeeded target's work permanent, in an order that a kill at any point survives: staged outputs are
/// moved into place, hashed and cached first; only then the code file, dvc.lock entry and run-cache entry are written.
/// </summary>
internal sealed class OutputCommitter(RunServices services)
{
    private readonly CommitKillSwitch _kill = CommitKillSwitch.FromEnvironment();

    public StageLock Commit(TargetSpec spec, StageLock current, string stagingRoot)
    {
        // NOTE: a lock-free target runs beside other runs, so it records nothing in dvc.lock (it has no outputs anyway).
        if (spec.Unlocked) return current;
        var outs = new List<LockedPath>();
        foreach (var path in spec.AllOutputs.Select(p => RepoPath.Parse(p)))
        {
            var abs = ResolveOutput(spec, path);
            Promote(Path.Combine(stagingRoot, path.Value), abs);
            _kill.After(spec.Name, "promote");
            if (!File.Exists(abs) && !Directory.Exists(abs))
                throw new TargetCheckException($"{spec.Name} succeeded but did not write its declared output '{path}'. Write it (through ctx.Output(\"{path}\")) or remove it from the target's outputs.");
            var hashed = services.Hasher.Hash(abs);
            _kill.After(spec.Name, "hash");
            services.Cache.Add(hashed);
            _kill.After(spec.Name, "cache");
            outs.Add(new LockedPath(path.Value, hashed.Info));
            if (!spec.Metrics.Select(RepoPath.Normalize).Contains(path.Value)) IgnoreInGit(path.Value);
        }
        // NOTE: dependencies are hashed again after the run, as DVC does, so an input the target itself created
        // (an optional input such as an inferred schema) is recorded as it is now.
        var entry = current with { Deps = new StageReader(services).Current(spec).Deps, Outs = outs };
        Record(spec, entry);
        if (entry.Deps.Count > 0 && outs.Count > 0 && !spec.AlwaysRun && !spec.NoRunCache)
        {
            services.RunCache.Save(entry);
            _kill.After(spec.Name, "run-cache");
        }
        DeleteDirectory(stagingRoot);
        return entry;
    }

    /// <summary>Writes the code file and the dvc.lock entry (the last step: only a complete target gets an entry).</summary>
    public void Record(TargetSpec spec, StageLock entry)
    {
        if (services.Code.TryGetValue(spec.Name, out var code))
        {
            AtomicFile.WriteIfChanged(Path.Combine(services.Layout.Root, RepositoryLayout.CodeFileOf(spec.Name)), code.Listing);
            _kill.After(spec.Name, "code");
        }
        lock (services.LockGate)
        {
            services.Lock.Set(spec.Name, entry);
            services.Lock.Save(services.Layout.LockFile);
        }
        _kill.After(spec.Name, "lock");
    }

    /// <summary>
    /// The absolute path of a declared output, after checking that no symbolic link along it leads outside the
    /// repository (a write there would land outside); throws <see cref="TargetCheckException"/> naming the link.
    /// </summary>
    public string ResolveOutput(TargetSpec spec, RepoPath path)
    {
        try
        {
            return path.ResolveInside(services.Layout.Root);
        }
        catch (FormatException e)
        {
            throw new TargetCheckException($"{spec.Name} cannot write its output: {e.Message} Replace the link with a directory inside the repository.");
        }
    }

    private static void Promote(string staged, string destination)
    {
        if (!File.Exists(staged) && !Directory.Exists(staged)) return;
        SiblingSwap.Move(staged, destination);
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
