using Pipeline.Engine.Failures;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Planning;

/// <summary>Normalizes declared paths ('/'-separated, no './', no trailing or doubled slashes) and walks their ancestors.</summary>
internal static class PlanPath
{
    /// <summary>
    /// The normalized form of <paramref name="raw"/>; a path outside the root, or an output naming one of the
    /// pipeline's own files, is a definition error naming the target.
    /// </summary>
    public static string Normalize(string raw, TargetSpec owner, string role)
    {
        RepoPath path;
        try
        {
            path = RepoPath.Parse(raw);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new PipelineDefinitionException($"Target '{owner.Name}' declares an invalid {role} path '{raw}': {ex.Message}");
        }
        if (role == OutputRole && path.IsPipelineFile)
            throw new PipelineDefinitionException($"Target '{owner.Name}' declares an invalid {role} path '{raw}': it is {RepoPath.PipelineFilesRule}, which the engine writes itself. Write the output elsewhere.");
        return path.Value;
    }

    /// <summary>The role of outputs, metrics and plots in messages (and the one whose paths may not be pipeline files).</summary>
    public const string OutputRole = "output";

    /// <summary>The proper ancestors of a normalized path, nearest first: <c>a/b/c</c> gives <c>a/b</c>, <c>a</c>.</summary>
    public static IEnumerable<string> Ancestors(string path)
    {
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            yield return path[..slash];
        }
    }
}
