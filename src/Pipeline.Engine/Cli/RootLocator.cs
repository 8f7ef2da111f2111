using System.Reflection;
using Pipeline.Engine.Execution;
using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Cli;

/// <summary>Finds the repository root: <c>--root</c>, else the first folder holding <c>.nuke</c> above the build assembly.</summary>
internal static class RootLocator
{
    public static RepositoryLayout Locate(CommandLine line, Assembly buildAssembly)
    {
        if (line.Single("root") is { } root)
        {
            var full = Path.GetFullPath(root);
            return Directory.Exists(Path.Combine(full, ".nuke"))
                ? new RepositoryLayout(full)
                : throw new UsageException($"--root '{root}' has no .nuke folder; give the repository root (the folder that holds .nuke/).");
        }
        return RepositoryLayout.Find(Path.GetDirectoryName(buildAssembly.Location)!)
            ?? throw new UsageException($"No .nuke folder above {buildAssembly.Location}. Run through ./build.sh at the repository root, or pass --root.");
    }
}
