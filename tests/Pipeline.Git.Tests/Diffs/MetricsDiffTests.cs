using Pipeline.Engine.Failures;
using Pipeline.Git.Diffs;

namespace Pipeline.Git.Tests.Diffs;

public sealed class MetricsDiffTests : IDisposable
{
    private const string DvcYaml = "stages:\n  evaluate:\n    cmd: x\n    metrics:\n    - metrics.json:\n        cache: false\nmetrics:\n- reports/extra.yaml\n";
    private readonly TestGitRepository _git = new();

    public MetricsDiffTests()
    {
        _git.CommitFiles("first",
            ("dvc.yaml", DvcYaml),
            ("metrics.json", "{\"auc\": 0.912, \"loss\": 0.3, \"n\": 100, \"name\": \"a\", \"nested\": {\"f1\": 0.5}, \"hist\": [1, 2]}"),
            ("reports/extra.yaml", "rows: 10\n"));
        _git.CommitFiles("second",
            ("metrics.json", "{\"auc\": 0.917, \"n\": 120, \"name\": \"b\", \"nested\": {\"f1\": 0.5, \"p\": 0.7}}"),
            ("reports/extra.yaml", "rows: 10\n"));
    }

    public void Dispose() => _git.Dispose();

    [Fact]
    public void Compute_TwoCommits_RowsForChangedAndMissingKeys()
    {
        var report = MetricsDiff.Compute(_git.Repo, "HEAD~1", "HEAD");

        Assert.Equal(
            [
                new DiffRow("metrics.json", "auc", 0.912, 0.917, 0.917 - 0.912),
                new DiffRow("metrics.json", "loss", 0.3, null, null),
                new DiffRow("metrics.json", "n", 100L, 120L, 20L),
                new DiffRow("metrics.json", "name", "a", "b", null),
                new DiffRow("metrics.json", "nested.p", null, 0.7, null),
            ],
            report.Rows);
    }

    [Fact]
    public void RenderJson_MatchesDvcJsonShape()
    {
        var json = MetricsDiff.Compute(_git.Repo, "HEAD~1", "HEAD").RenderJson();

        Assert.Equal(
            "{\"metrics.json\": {\"auc\": {\"old\": 0.912, \"new\": 0.917, \"diff\": 0.0050000000000000044}, "
            + "\"loss\": {\"old\": 0.3, \"new\": null}, \"n\": {\"old\": 100, \"new\": 120, \"diff\": 20}, "
            + "\"name\": {\"old\": \"a\", \"new\": \"b\"}, \"nested.p\": {\"old\": null, \"new\": 0.7}}}",
            json);
    }

    [Fact]
    public void RenderTable_RoundsAndFillsMissing()
    {
        var table = MetricsDiff.Compute(_git.Repo, "HEAD~1", "HEAD").RenderTable();

        Assert.Equal(
            "Path          Metric    HEAD~1    HEAD    Change\n" +
            "metrics.json  auc       0.912     0.917   0.005\n" +
            "metrics.json  loss      0.3       -       -\n" +
            "metrics.json  n         100       120     20\n" +
            "metrics.json  name      a         b       -\n" +
            "metrics.json  nested.p  -         0.7     -\n",
            table);
    }

    [Fact]
    public void Compute_Workspace_ComparesHeadWithFilesOnDisk()
    {
        _git.Write("reports/extra.yaml", "rows: 12\nlabels: [a, b]\n");

        var report = MetricsDiff.Compute(_git.Repo);

        Assert.Equal("workspace", report.BRev);
        Assert.Equal([new DiffRow("reports/extra.yaml", "rows", 10L, 12L, 2L)], report.Rows);
    }

    [Fact]
    public void Compute_All_IncludesUnchanged()
    {
        var report = MetricsDiff.Compute(_git.Repo, "HEAD", null, ["reports/extra.yaml"], all: true);

        Assert.Equal([new DiffRow("reports/extra.yaml", "rows", 10L, 10L, 0L)], report.Rows);
    }

    [Fact]
    public void Compute_NothingChanged_EmptyTable()
    {
        var report = MetricsDiff.Compute(_git.Repo);

        Assert.Empty(report.Rows);
        Assert.Equal("", report.RenderTable());
        Assert.Equal("{}", report.RenderJson());
    }

    [Fact]
    public void Compute_BadRevision_NamesIt()
    {
        var e = Assert.Throws<UsageException>(() => MetricsDiff.Compute(_git.Repo, "v9.9"));
        Assert.Contains("'v9.9'", e.Message);
    }

    [Fact]
    public void Compute_TagAndShortSha_Resolve()
    {
        _git.LightweightTag("baseline", "HEAD~1");
        var shortSha = _git.Repo.Head.Tip.Sha[..7];

        var report = MetricsDiff.Compute(_git.Repo, "baseline", shortSha);

        Assert.Equal(5, report.Rows.Count);
    }
}
