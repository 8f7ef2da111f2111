namespace Pipeline.Engine;

/// <summary>
/// Marks a field or property of the build class as a parameter, NUKE's way: set from the command line
/// (<c>--kebab-case value</c>), then an environment variable, then <c>.nuke/parameters.json</c>, else the initializer.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    /// <summary>Shown in <c>--help</c>.</summary>
    public string? Description { get; } = description;

    /// <summary>Overrides the member name used on the command line and in parameter files.</summary>
    public string? Name { get; init; }

    /// <summary>Splits one token into array elements (e.g. "+"); values are also space-separated.</summary>
    public string? Separator { get; init; }

    /// <summary>False hides the parameter from <c>--help</c>.</summary>
    public bool List { get; init; } = true;
}
