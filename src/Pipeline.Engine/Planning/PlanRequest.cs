namespace Pipeline.Engine.Planning;

/// <summary>
/// What the user asked for: the invoked target names as typed (empty = the default targets) and
/// NUKE's <c>--skip</c>: null when not given, empty when given bare (skip everything not invoked).
/// </summary>
internal sealed record PlanRequest(IReadOnlyList<string> Invoked, IReadOnlyList<string>? Skip = null);
