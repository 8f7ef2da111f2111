namespace Pipeline.Git.Registry;

/// <summary>One annotated GTO tag as an event: what happened, when, by whom, on which commit.</summary>
internal sealed record RegistryEvent(
    string TagName,
    RegistryTagName Parsed,
    DateTimeOffset Time,
    string TaggerName,
    string TaggerEmail,
    string Message,
    string CommitSha);
