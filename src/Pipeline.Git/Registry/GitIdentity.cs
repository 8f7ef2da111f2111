namespace Pipeline.Git.Registry;

/// <summary>A git identity (tagger, author or committer): name and e-mail.</summary>
/// <param name="Name">The user name, as in <c>user.name</c>.</param>
/// <param name="Email">The e-mail, as in <c>user.email</c>.</param>
public sealed record GitIdentity(string Name, string Email);
