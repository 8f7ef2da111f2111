using Pipeline.Engine.Failures;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Planning;

/// <summary>Normalizes declared paths ('/'-separated, no './', no trailing or doubled slashes) and walks their ancestors.</summary>
internal static class PlanPath
{
    /// <summary>The normalized form of <paramref name="raw"/>; a path outside the root is a definition error naming the target.</summary>
    public static string Normalize(string raw, TargetSpec owner, string role)
    {
        try
        {
            return RepoPath.Parse(raw).Value;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new PipelineDefinitionException($"Target '{owner.Name}' declares an invalid {role} path '{raw}': {ex.Message}");
        }
    }

    /// <summary>The proper ancestors of a normalized path, nearest first: <c>a/b/c</c> gives <c>a/b</c>, <c>a</c>.</summary>
    public static IEnumerable<string> Ancestors(string path)
    {
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            yield return path[..slash];
        }
    }
}
