namespace Pipeline.Engine.Execution;

/// <summary>Where the engine reads and writes, all derived from the repository root (found by its <c>.nuke</c> folder).</summary>
internal sealed record RepositoryLayout(string Root)
{
    public string NukeDirectory => Path.Combine(Root, ".nuke");
    public string TempDirectory => Path.Combine(NukeDirectory, "temp");
    public string CodeDirectory => Path.Combine(NukeDirectory, "code");
    public string ParametersFile => Path.Combine(NukeDirectory, "parameters.json");
    public string StagingDirectory => Path.Combine(TempDirectory, "staging");
    public string RunLockFile => Path.Combine(TempDirectory, "run.lock");
    public string RunRecordFile => Path.Combine(TempDirectory, "run.json");
    public string LiveRunFile => Path.Combine(TempDirectory, "live.json");
    public string StateFile => Path.Combine(TempDirectory, "state.bin");
    public string CodeHashCacheDirectory => Path.Combine(TempDirectory, "code-hashes");
    public string LockFile => Path.Combine(Root, "dvc.lock");
    public string PipelineFile => Path.Combine(Root, "dvc.yaml");
    public string ParamsFile => Path.Combine(Root, "params.yaml");
    public string CacheRoot => Path.Combine(Root, ".dvc", "cache");

    /// <summary>The repo-relative path of the file that records a target's code fingerprint (a dependency in dvc.lock).</summary>
    public static string CodeFileOf(string target) => $".nuke/code/{target}.txt";

    /// <summary>Walks up from <paramref name="start"/> to the first directory holding <c>.nuke</c>.</summary>
    public static RepositoryLayout? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, ".nuke"))) return new RepositoryLayout(dir.FullName);
        return null;
    }
}
