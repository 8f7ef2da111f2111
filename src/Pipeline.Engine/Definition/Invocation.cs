namespace Pipeline.Engine;

/// <summary>What the user asked for, as given to <see cref="PipelineBuild.OnStarting"/> before anything is written or run.</summary>
/// <param name="Targets">The targets as typed (empty = the defaults).</param>
/// <param name="Arguments">The whole command line as given.</param>
/// <param name="Sets">The <c>--set key=value</c> pairs, not yet written to params.yaml.</param>
public sealed record Invocation(IReadOnlyList<string> Targets, IReadOnlyList<string> Arguments, IReadOnlyList<string> Sets);
