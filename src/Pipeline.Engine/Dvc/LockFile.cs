namespace Pipeline.Engine.Dvc;

/// <summary>dvc.lock: stages in first-written order; setting a stage replaces its entry wholesale.</summary>
internal sealed class LockFile
{
    /// <summary>Loads dvc.lock (an absent file gives an empty lock); a corrupt file throws RepositoryStateException naming it.</summary>
    public static LockFile Load(string path) => throw new NotImplementedException("STUB: helper B");

    public StageLock? Get(string stage) => throw new NotImplementedException();

    public void Set(string stage, StageLock entry) => throw new NotImplementedException();

    public string ToText() => throw new NotImplementedException();

    /// <summary>Writes the file atomically (temp file, then rename).</summary>
    public void Save(string path) => throw new NotImplementedException();
}
