using Pipeline.Engine.Dvc;

namespace Pipeline.Engine.Tests.Dvc;

public sealed class PipelineFileTests
{
    [Fact]
    public void ToText_AllSections_KeyOrderAndSortedLists()
    {
        var stages = new[]
        {
            new StageSpec("prepare", "python prepare.py")
            {
                Desc = "Prepare data", Deps = ["src/prepare.py", "data/raw.csv"], Params = ["prepare.split", "prepare.seed"],
                Outs = ["data/prepared"], Metrics = ["metrics.json"], Plots = ["plots/roc.csv"], AlwaysChanged = true,
            },
            new StageSpec("train", "python train.py") { Deps = ["data/prepared"], Outs = ["model.pkl"] },
        };
        Assert.Equal(
            "stages:\n  prepare:\n    desc: Prepare data\n    cmd: python prepare.py\n    deps:\n    - data/raw.csv\n    - src/prepare.py\n" +
            "    params:\n    - prepare.seed\n    - prepare.split\n    outs:\n    - data/prepared\n    metrics:\n    - metrics.json\n" +
            "    plots:\n    - plots/roc.csv\n    always_changed: true\n  train:\n    cmd: python train.py\n    deps:\n    - data/prepared\n" +
            "    outs:\n    - model.pkl\n",
            PipelineFile.ToText(stages));
    }

    [Fact]
    public void ToText_DvcTestRunShape_CmdOnly() =>
        Assert.Equal("stages:\n  mystage:\n    cmd: mycmd\n", PipelineFile.ToText([new StageSpec("mystage", "mycmd")]));
}
