using Pipeline.Git.Diffs;

namespace Pipeline.Git.Tests.Diffs;

public sealed class ParamsDiffTests : IDisposable
{
    private const string DvcYaml = "stages:\n  train:\n    cmd: x\n    params:\n    - train.lr\n    - config/model.json:\n      - depth\n";
    private readonly TestGitRepository _git = new();

    public ParamsDiffTests()
    {
        _git.CommitFiles("first",
            ("dvc.yaml", DvcYaml),
            ("params.yaml", "train:\n  lr: 0.1\n  layers: [64, 32]\n  seed: 42\n"),
            ("config/model.json", "{\"depth\": 6, \"unused\": 1}"));
    }

    public void Dispose() => _git.Dispose();

    [Fact]
    public void Compute_Workspace_ListsAsPythonStrAndDeclaredKeysOnly()
    {
        _git.Write("params.yaml", "train:\n  lr: 0.05\n  layers: [64, 32, 16]\n  seed: 42\n  flag: true\n");
        _git.Write("config/model.json", "{\"depth\": 8, \"unused\": 2}");

        var report = ParamsDiff.Compute(_git.Repo);

        Assert.Equal(
            [
                new DiffRow("config/model.json", "depth", 6L, 8L, 2L),
                new DiffRow("params.yaml", "train.flag", null, true, null),
                new DiffRow("params.yaml", "train.layers", "[64, 32]", "[64, 32, 16]", null),
                new DiffRow("params.yaml", "train.lr", 0.1, 0.05, 0.05 - 0.1),
            ],
            report.Rows);
        Assert.Equal(
            "Path               Param         HEAD      workspace\n" +
            "config/model.json  depth         6         8\n" +
            "params.yaml        train.flag    -         True\n" +
            "params.yaml        train.layers  [64, 32]  [64, 32, 16]\n" +
            "params.yaml        train.lr      0.1       0.05\n",
            report.RenderTable());
        Assert.Equal(
            "{\"config/model.json\": {\"depth\": {\"old\": 6, \"new\": 8, \"diff\": 2}}, \"params.yaml\": {"
            + "\"train.flag\": {\"old\": null, \"new\": true}, \"train.layers\": {\"old\": \"[64, 32]\", \"new\": \"[64, 32, 16]\"}, "
            + "\"train.lr\": {\"old\": 0.1, \"new\": 0.05, \"diff\": -0.05}}}",
            report.RenderJson());
    }
}
