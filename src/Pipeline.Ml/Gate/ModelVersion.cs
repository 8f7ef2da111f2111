using System.Globalization;

namespace Pipeline.Ml.Gate;

/// <summary>A registry version <c>vMAJOR.MINOR.PATCH</c>; the first version is v0.0.1.</summary>
public readonly record struct ModelVersion(int Major, int Minor, int Patch) : IComparable<ModelVersion>
{
    /// <summary>The version given to a model's first registration.</summary>
    public static ModelVersion First => new(0, 0, 1);

    /// <summary>Parses <c>v1.2.3</c> (the leading v is optional).</summary>
    public static bool TryParse(string text, out ModelVersion version)
    {
        version = default;
        var parts = text.TrimStart('v').Split('.');
        if (!text.StartsWith('v') || parts.Length != 3)
        {
            return false;
        }

        var numbers = new int[3];
        for (var i = 0; i < 3; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = new ModelVersion(numbers[0], numbers[1], numbers[2]);
        return true;
    }

    /// <summary>Parses or throws naming the text.</summary>
    public static ModelVersion Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a model version; expected v<major>.<minor>.<patch>, e.g. v0.0.1.");

    /// <summary>The next version: patch bump, or minor bump (patch reset) when asked.</summary>
    public ModelVersion Next(VersionBump bump) => bump switch
    {
        VersionBump.Minor => new(Major, Minor + 1, 0),
        VersionBump.Major => new(Major + 1, 0, 0),
        _ => new(Major, Minor, Patch + 1),
    };

    public int CompareTo(ModelVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor != other.Minor ? Minor.CompareTo(other.Minor) : Patch.CompareTo(other.Patch);

    /// <summary>Version order, as <see cref="CompareTo"/>.</summary>
    public static bool operator <(ModelVersion left, ModelVersion right) => left.CompareTo(right) < 0;

    /// <summary>Version order, as <see cref="CompareTo"/>.</summary>
    public static bool operator <=(ModelVersion left, ModelVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Version order, as <see cref="CompareTo"/>.</summary>
    public static bool operator >(ModelVersion left, ModelVersion right) => left.CompareTo(right) > 0;

    /// <summary>Version order, as <see cref="CompareTo"/>.</summary>
    public static bool operator >=(ModelVersion left, ModelVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"v{Major}.{Minor}.{Patch}");
}
