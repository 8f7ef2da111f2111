using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Git.Registry;

/// <summary>A parsed GTO tag name: the artifact (with ':' for a sub-directory name), the action and its version, stage and counter.</summary>
internal sealed partial record RegistryTagName(string Artifact, RegistryAction Action, string? Version, string? Stage, int? Counter)
{
    private const string Name = @"[a-zA-Z0-9](?:[a-zA-Z0-9\-/_]*[a-zA-Z0-9])?";
    private const string Dirname = @"[a-zA-Z0-9\-_./]+";
    private const string SemVerPattern = @"(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-(?:(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+(?:[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?";

    // NOTE: GTO's tag_re (gto/constants.py) with the artifact name written as in tags (':' → '=').
    private const string TagPattern =
        "^(?<artifact>(?:" + Dirname + "=)?" + Name + ")"
        + "(((#(?<stage>" + Name + ")|@(?<version>v" + SemVerPattern + "))(?<cancel>!?))|@((?<deprecated>deprecated)|(?<created>created)))"
        + "(#(?<counter>[0-9]+))?$";

    [GeneratedRegex(TagPattern, RegexOptions.CultureInvariant)]
    private static partial Regex TagRegex();

    [GeneratedRegex("^(?:" + Dirname + ":)?" + Name + "$", RegexOptions.CultureInvariant)]
    private static partial Regex ArtifactRegex();

    [GeneratedRegex("^" + Name + "$", RegexOptions.CultureInvariant)]
    private static partial Regex StageRegex();

    /// <summary>Parses a tag name; null when it is not a GTO tag (GTO's <c>parse_name(raise_on_fail=False)</c>).</summary>
    public static RegistryTagName? TryParse(string tagName)
    {
        var m = TagRegex().Match(tagName);
        if (!m.Success) return null;
        var cancel = m.Groups["cancel"].Value == "!";
        var version = m.Groups["version"].Success ? m.Groups["version"].Value : null;
        var stage = m.Groups["stage"].Success ? m.Groups["stage"].Value : null;
        var action = version is not null ? (cancel ? RegistryAction.Deregister : RegistryAction.Register)
            : stage is not null ? (cancel ? RegistryAction.Unassign : RegistryAction.Assign)
            : m.Groups["deprecated"].Success ? RegistryAction.Deprecate
            : RegistryAction.Create;
        int? counter = m.Groups["counter"].Success && int.TryParse(m.Groups["counter"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return new RegistryTagName(m.Groups["artifact"].Value.Replace('=', ':'), action, version, stage, counter);
    }

    /// <summary>True when <paramref name="artifact"/> is a valid GTO artifact name (<c>name</c> or <c>path/to:name</c>).</summary>
    public static bool IsValidArtifact(string artifact) => ArtifactRegex().IsMatch(artifact);

    /// <summary>True when <paramref name="stage"/> is a valid GTO stage name.</summary>
    public static bool IsValidStage(string stage) => StageRegex().IsMatch(stage);

    /// <summary>The tag name as GTO writes it (':' in the artifact becomes '=').</summary>
    public string Format()
    {
        var artifact = Artifact.Replace(':', '=');
        var text = Action switch
        {
            RegistryAction.Register => $"{artifact}@{Version}",
            RegistryAction.Deregister => $"{artifact}@{Version}!",
            RegistryAction.Assign => $"{artifact}#{Stage}",
            RegistryAction.Unassign => $"{artifact}#{Stage}!",
            RegistryAction.Deprecate => $"{artifact}@deprecated",
            _ => $"{artifact}@created",
        };
        return Counter is { } c ? text + "#" + c.ToString(CultureInfo.InvariantCulture) : text;
    }
}
