namespace Pipeline.Git.Registry;

/// <summary>How a new model version is derived from the greatest registered one.</summary>
public enum VersionBump
{
    /// <summary>1.2.3 → 1.2.4: retrained on new data.</summary>
    Patch,

    /// <summary>1.2.3 → 1.3.0: parameters changed.</summary>
    Minor,

    /// <summary>1.2.3 → 2.0.0: incompatible change, as the user says.</summary>
    Major,
}
