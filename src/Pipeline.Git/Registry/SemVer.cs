using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Git.Registry;

/// <summary>A Semantic Versioning 2.0 version (<c>1.2.3-rc.1+build.5</c>), ordered by SemVer precedence (build metadata ignored).</summary>
public sealed partial record SemVer : IComparable<SemVer>
{
    private SemVer(long major, long minor, long patch, string prerelease, string build)
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

    /// <summary>The version GTO registers first: 0.0.1.</summary>
    public static SemVer Initial { get; } = new(0, 0, 1, "", "");

    // NOTE: the official SemVer 2.0 regex, the same one GTO embeds in its tag regex.
    [GeneratedRegex(@"^(?<major>0|[1-9]\d*)\.(?<minor>0|[1-9]\d*)\.(?<patch>0|[1-9]\d*)(?:-(?<prerelease>(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+(?<build>[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Parses <c>1.2.3</c> or <c>v1.2.3</c>; false when the text is not SemVer 2.0.</summary>
    public static bool TryParse(string? text, out SemVer version)
    {
        version = Initial;
        if (text is null) return false;
        var m = Pattern().Match(text.StartsWith('v') ? text[1..] : text);
        if (!m.Success) return false;
        if (!long.TryParse(m.Groups["major"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !long.TryParse(m.Groups["minor"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || !long.TryParse(m.Groups["patch"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var patch))
            return false;
        version = new SemVer(major, minor, patch, m.Groups["prerelease"].Value, m.Groups["build"].Value);
        return true;
    }

    /// <summary>Parses <c>1.2.3</c> or <c>v1.2.3</c>; throws <see cref="ArgumentException"/> naming the text otherwise.</summary>
    public static SemVer Parse(string text) => TryParse(text, out var v)
        ? v
        : throw new ArgumentException($"'{text}' is not a SemVer 2.0 version; use e.g. v1.2.3 or v1.0.0-rc.1.", nameof(text));

    /// <summary>The next version for a bump: prerelease and build are dropped, lower parts reset to 0.</summary>
    public SemVer Bump(VersionBump bump) => bump switch
    {
        VersionBump.Major => new SemVer(Major + 1, 0, 0, "", ""),
        VersionBump.Minor => new SemVer(Major, Minor + 1, 0, "", ""),
        _ => new SemVer(Major, Minor, Patch + 1, "", ""),
    };

    /// <summary>SemVer 2.0 precedence: numbers, then a release above its prereleases, then prerelease identifiers left to right.</summary>
    public int CompareTo(SemVer? other)
    {
        if (other is null) return 1;
        var c = Major.CompareTo(other.Major);
        if (c == 0) c = Minor.CompareTo(other.Minor);
        if (c == 0) c = Patch.CompareTo(other.Patch);
        return c != 0 ? c : ComparePrerelease(Prerelease, other.Prerelease);
    }

    /// <summary>The version without the 'v' prefix (<c>1.2.3-rc.1+b</c>).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}")
        + (Prerelease.Length > 0 ? "-" + Prerelease : "")
        + (Build.Length > 0 ? "+" + Build : "");

    /// <summary>The version as GTO writes it in tags: <c>v1.2.3</c>.</summary>
    public string ToTagString() => "v" + ToString();

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
