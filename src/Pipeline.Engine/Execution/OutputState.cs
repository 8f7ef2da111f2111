namespace Pipeline.Engine.Execution;

/// <summary>How a recorded output looks on disk compared with dvc.lock.</summary>
internal enum OutputState
{
    Unchanged,
    /// <summary>Missing from the workspace but its recorded object is in the cache.</summary>
    Restorable,
    /// <summary>Missing and not in the cache.</summary>
    Missing,
    Modified,
    /// <summary>Declared now but not recorded in dvc.lock.</summary>
    NotRecorded,
}
