namespace Pipeline.Git.Remotes;

/// <summary>One configured remote: its name, URL (local paths made absolute) and every key of its section.</summary>
internal sealed record RemoteSettings(string Name, string Url, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>A key of the remote's section, or null.</summary>
    public string? Get(string key) => Values.TryGetValue(key, out var v) ? v : null;
}
