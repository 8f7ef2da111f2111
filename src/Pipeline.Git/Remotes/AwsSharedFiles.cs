namespace Pipeline.Git.Remotes;

/// <summary>
/// The AWS shared files, as botocore reads them: <c>~/.aws/credentials</c> (sections named by profile) and
/// <c>~/.aws/config</c> (<c>[default]</c> and <c>[profile name]</c>); keys lowercased, later files do not override earlier keys.
/// </summary>
internal sealed class AwsSharedFiles(IReadOnlyDictionary<string, Dictionary<string, string>> credentials, IReadOnlyDictionary<string, Dictionary<string, string>> config)
{
    /// <summary>Reads both files; absent files are empty.</summary>
    public static AwsSharedFiles Load(string credentialsPath, string configPath) =>
        new(ReadIni(credentialsPath, stripProfilePrefix: false), ReadIni(configPath, stripProfilePrefix: true));

    /// <summary>A key of a profile: the credentials file first (as botocore's SharedCredentialProvider), then the config file.</summary>
    public string? Get(string profile, string key) =>
        credentials.TryGetValue(profile, out var c) && c.TryGetValue(key, out var v) ? v
        : config.TryGetValue(profile, out var f) && f.TryGetValue(key, out var w) ? w : null;

    /// <summary>A key of a profile in the config file only (region, endpoint_url).</summary>
    public string? GetConfig(string profile, string key) =>
        config.TryGetValue(profile, out var f) && f.TryGetValue(key, out var w) ? w : null;

    /// <summary>True when either file has the profile.</summary>
    public bool Has(string profile) => credentials.ContainsKey(profile) || config.ContainsKey(profile);

    private static Dictionary<string, Dictionary<string, string>> ReadIni(string path, bool stripProfilePrefix)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        if (!File.Exists(path)) return sections;
        Dictionary<string, string>? current = null;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line[0] == '[' && line.EndsWith(']'))
            {
                var name = line[1..^1].Trim();
                // NOTE: in the config file a named profile is [profile name]; only [default] goes without the prefix.
                if (stripProfilePrefix && name.StartsWith("profile ", StringComparison.Ordinal)) name = name["profile ".Length..].Trim();
                if (!sections.TryGetValue(name, out current)) sections[name] = current = new(StringComparer.OrdinalIgnoreCase);
                continue;
            }
            var eq = line.IndexOf('=');
            // NOTE: indented lines are nested settings (s3 = ...), which this reader does not need.
            if (current is null || eq <= 0 || char.IsWhiteSpace(raw[0])) continue;
            current.TryAdd(line[..eq].Trim(), line[(eq + 1)..].Trim());
        }
        return sections;
    }
}
