using Pipeline.Engine.Ci;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Ci;

public sealed class GitHubActionsWorkflowTests
{
    private static readonly TargetSpec[] Targets = [new("Pull"), new("Evaluate"), new("Deploy")];

    [Fact]
    public void Render_FullSpec_GoldenText()
    {
        var spec = new GitHubActionsAttribute("ml") { InvokedTargets = ["Evaluate"], MainBranchTarget = "Deploy", RestoreTarget = "Pull", Artifacts = ["models/"], Secrets = ["TOKEN"] };

        var text = GitHubActionsWorkflow.Render(spec, Targets);

        Assert.Equal(GoldenFile.Read("Ci/Goldens/github-actions-workflow.yml").ReplaceLineEndings("\n"), text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Render_UnknownTarget_IsDefinitionErrorNamingIt()
    {
        var spec = new GitHubActionsAttribute("ml") { InvokedTargets = ["Evalute"] };

        var e = Assert.Throws<PipelineDefinitionException>(() => GitHubActionsWorkflow.Render(spec, Targets));

        Assert.Contains("'Evalute'", e.Message);
    }
}
