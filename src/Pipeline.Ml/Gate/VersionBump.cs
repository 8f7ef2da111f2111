namespace Pipeline.Ml.Gate;

/// <summary>Which part of the version a registration bumps.</summary>
public enum VersionBump
{
    Patch,
    Minor,
    Major,
}
