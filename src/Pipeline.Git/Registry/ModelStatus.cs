namespace Pipeline.Git.Registry;

/// <summary>The state of one model, like a row of <c>gto show</c>.</summary>
/// <param name="Name">The artifact name (<c>churn</c> or <c>path/to:churn</c>).</param>
/// <param name="Latest">The greatest version among active registrations, or null.</param>
/// <param name="Stages">Per stage (ordinal order) the version most recently assigned and still assigned.</param>
public sealed record ModelStatus(string Name, TaggedVersion? Latest, IReadOnlyDictionary<string, TaggedVersion> Stages);
