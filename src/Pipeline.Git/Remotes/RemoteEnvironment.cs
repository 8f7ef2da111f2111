namespace Pipeline.Git.Remotes;

/// <summary>What a remote's settings may come from outside the repository: environment variables and the home folder (for <c>~/.aws</c>).</summary>
/// <param name="Variables">Environment variables by exact name.</param>
/// <param name="HomeDirectory">The user's home folder.</param>
public sealed record RemoteEnvironment(IReadOnlyDictionary<string, string> Variables, string HomeDirectory)
{
    /// <summary>The process's environment and home folder.</summary>
    public static RemoteEnvironment Current()
    {
        var variables = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
        return new RemoteEnvironment(variables, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
    }

    /// <summary>A non-empty variable, or null.</summary>
    public string? Get(string name) => Variables.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;
}
