using Pipeline.Engine.Dvc;
using Pipeline.Engine.Planning;
using Pipeline.Engine.Primitives;
using Pipeline.Formats.IO;

namespace Pipeline.Engine.Execution;

/// <summary>Regenerates dvc.yaml from the targets (only when its text changes), so DVC's tools can read the pipeline.</summary>
internal static class PipelineFileWriter
{
    public static void Write(RepositoryLayout layout, IEnumerable<TargetSpec> specs, InputResolver inputs)
    {
        var stages = specs.Where(s => s.HasActions).Select(s => new StageSpec(s.Name, StageCommand.For(s.Name))
        {
            Desc = s.Description,
            Deps = inputs.ResolveAll(s).Append(RepositoryLayout.CodeFileOf(s.Name)).ToList(),
            Params = s.Params,
            Outs = s.Outputs.Select(RepoPath.Normalize).ToList(),
            Metrics = s.Metrics.Select(RepoPath.Normalize).ToList(),
            Plots = s.Plots.Select(RepoPath.Normalize).ToList(),
            AlwaysChanged = s.AlwaysRun,
        });
        AtomicFile.WriteIfChanged(layout.PipelineFile, PipelineFile.ToText(stages));
    }

    /// <summary>Regenerates the workflows the build class asks for with <see cref="GitHubActionsAttribute"/>.</summary>
    public static void WriteWorkflows(RepositoryLayout layout, Type buildType, IReadOnlyList<TargetSpec> specs)
    {
        foreach (var spec in buildType.GetCustomAttributes(typeof(GitHubActionsAttribute), inherit: true).Cast<GitHubActionsAttribute>())
            AtomicFile.WriteIfChanged(Path.Combine(layout.Root, ".github", "workflows", spec.Name + ".yml"), Ci.GitHubActionsWorkflow.Render(spec, specs));
    }
}
