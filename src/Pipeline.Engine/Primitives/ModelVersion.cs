using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Engine.Primitives;

/// <summary>
/// A model registry version, <c>v1.2.3</c> (Semantic Versioning 2.0 with GTO's leading v; <c>v1.0.0-rc.1+build.5</c>
/// too), ordered by SemVer precedence (build metadata ignored). The one version the registry folder, the git tags and
/// the serving host name a model by; the first is v0.0.1.
/// </summary>
public sealed partial record ModelVersion : IComparable<ModelVersion>
{
    /// <summary>The release version <c>v{major}.{minor}.{patch}</c>.</summary>
    public ModelVersion(long major, long minor, long patch)
        : this(major, minor, patch, "", "")
    {
    }

    private ModelVersion(long major, long minor, long patch, string prerelease, string build)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease;
        Build = build;
    }

    /// <summary>The major version.</summary>
    public long Major { get; }

    /// <summary>The minor version.</summary>
    public long Minor { get; }

    /// <summary>The patch version.</summary>
    public long Patch { get; }

    /// <summary>The prerelease part after '-' (empty for a release).</summary>
    public string Prerelease { get; }

    /// <summary>The build metadata after '+' (empty when absent); ignored in ordering.</summary>
    public string Build { get; }

    /// <summary>SemVer precedence, as CompareTo (null first).</summary>
    public static bool operator <(ModelVersion? left, ModelVersion? right) => Comparer<ModelVersion>.Default.Compare(left, right) < 0;

    /// <summary>SemVer precedence, as CompareTo (null first).</summary>
    public static bool operator <=(ModelVersion? left, ModelVersion? right) => Comparer<ModelVersion>.Default.Compare(left, right) <= 0;

    /// <summary>SemVer precedence, as CompareTo (null first).</summary>
    public static bool operator >(ModelVersion? left, ModelVersion? right) => Comparer<ModelVersion>.Default.Compare(left, right) > 0;

    /// <summary>SemVer precedence, as CompareTo (null first).</summary>
    public static bool operator >=(ModelVersion? left, ModelVersion? right) => Comparer<ModelVersion>.Default.Compare(left, right) >= 0;

    /// <summary>The version of a model's first registration: v0.0.1.</summary>
    public static ModelVersion First { get; } = new(0, 0, 1);

    // NOTE: the official SemVer 2.0 regex after the v, the same one GTO embeds in its tag regex.
    [GeneratedRegex(@"^v(?<major>0|[1-9]\d*)\.(?<minor>0|[1-9]\d*)\.(?<patch>0|[1-9]\d*)(?:-(?<prerelease>(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+(?<build>[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Parses <c>v1.2.3</c> (the v is required, as tags and folder names write it); false for anything else.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ModelVersion? version)
    {
        version = null;
        var m = text is null ? null : Pattern().Match(text);
        if (m is not { Success: true }
            || !long.TryParse(m.Groups["major"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !long.TryParse(m.Groups["minor"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || !long.TryParse(m.Groups["patch"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var patch))
            return false;
        version = new ModelVersion(major, minor, patch, m.Groups["prerelease"].Value, m.Groups["build"].Value);
        return true;
    }

    /// <summary>Parses <c>v1.2.3</c>; throws <see cref="FormatException"/> naming the text otherwise.</summary>
    public static ModelVersion Parse(string text) => TryParse(text, out var v)
        ? v
        : throw new FormatException($"'{text}' is not a model version; expected v<major>.<minor>.<patch>, e.g. v0.0.1 (or v1.0.0-rc.1).");

    /// <summary>
    /// The next version, the one bump rule of the registry: patch for new data, minor when the training parameters
    /// changed, major when the user says so; lower parts reset to 0, prerelease and build dropped.
    /// </summary>
    public ModelVersion Next(VersionBump bump) => bump switch
    {
        VersionBump.Major => new(Major + 1, 0, 0),
        VersionBump.Minor => new(Major, Minor + 1, 0),
        _ => new(Major, Minor, Patch + 1),
    };

    /// <summary>SemVer 2.0 precedence: numbers, then a release above its prereleases, then prerelease identifiers left to right.</summary>
    public int CompareTo(ModelVersion? other)
    {
        if (other is null) return 1;
        var c = Major.CompareTo(other.Major);
        if (c == 0) c = Minor.CompareTo(other.Minor);
        if (c == 0) c = Patch.CompareTo(other.Patch);
        return c != 0 ? c : ComparePrerelease(Prerelease, other.Prerelease);
    }

    /// <summary>The version as tags and registry folders write it: <c>v1.2.3</c> (<c>v1.2.3-rc.1+b</c>).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"v{Major}.{Minor}.{Patch}")
        + (Prerelease.Length > 0 ? "-" + Prerelease : "")
        + (Build.Length > 0 ? "+" + Build : "");

    private static int ComparePrerelease(string a, string b)
    {
        if (a == b) return 0;
        if (a.Length == 0) return 1;
        if (b.Length == 0) return -1;
        var x = a.Split('.');
        var y = b.Split('.');
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var c = CompareIdentifier(x[i], y[i]);
            if (c != 0) return c;
        }
        return x.Length.CompareTo(y.Length);
    }

    private static int CompareIdentifier(string a, string b)
    {
        var aNumeric = a.All(char.IsAsciiDigit);
        var bNumeric = b.All(char.IsAsciiDigit);
        if (aNumeric && bNumeric)
            return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
        if (aNumeric != bNumeric) return aNumeric ? -1 : 1;
        return Math.Sign(string.CompareOrdinal(a, b));
    }
}
