namespace Pipeline.Engine.Primitives;

/// <summary>Which part of a <see cref="ModelVersion"/> a new registration bumps.</summary>
public enum VersionBump
{
    /// <summary>v1.2.3 → v1.2.4: retrained on new data.</summary>
    Patch,

    /// <summary>v1.2.3 → v1.3.0: the training parameters changed.</summary>
    Minor,

    /// <summary>v1.2.3 → v2.0.0: an incompatible change, as the user says.</summary>
    Major,
}
