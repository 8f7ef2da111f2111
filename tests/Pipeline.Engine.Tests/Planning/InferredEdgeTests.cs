using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Planning;

public sealed class InferredEdgeTests
{
    [Theory]
    [InlineData("data/clean.csv", "data/clean.csv")]
    [InlineData("./data//clean.csv", "data/clean.csv/")]
    [InlineData("data", "data/clean.csv")]
    [InlineData("data/", "./data/clean.csv")]
    [InlineData("data/clean/part-0.csv", "data/clean")]
    [InlineData("data/*.csv", "data/clean.csv")]
    [InlineData("data/**/*.csv", "data/a/b/clean.csv")]
    [InlineData("**/clean.csv", "data/clean.csv")]
    [InlineData("data/part-?.csv", "data/part-1.csv")]
    [InlineData("data/**/*.csv", "data/clean")]
    [InlineData("data/clean/*.csv", "data")]
    public void Create_InputReachesOtherOutput_PullsInProducer(string input, string output)
    {
        TargetSpec[] targets = [new("Train") { Inputs = [input] }, new("Ingest") { Outputs = [output] }];

        var plan = PlanAssert.Plan(targets, ["Train"]);

        Assert.Equal(["Ingest", "Train"], PlanAssert.Names(plan));
        Assert.Equal(["Ingest"], PlanAssert.Get(plan, "Train").WaitsFor);
    }

    [Theory]
    [InlineData("data/clean.csv", "data/clean.csv.bak")]
    [InlineData("data", "database/rows.csv")]
    [InlineData("data/*.csv", "data/clean.json")]
    [InlineData("data/*.csv", "data/sub/clean.csv")]
    [InlineData("data/part-?.csv", "data/part-10.csv")]
    [InlineData("other/**", "data/clean.csv")]
    public void Create_InputMissesOtherOutput_NoEdge(string input, string output)
    {
        TargetSpec[] targets = [new("Train") { Inputs = [input] }, new("Ingest") { Outputs = [output] }];

        Assert.Equal(["Train"], PlanAssert.Names(PlanAssert.Plan(targets, ["Train"])));
    }

    [Fact]
    public void Create_InputIsMetricsOrPlotsOfOther_PullsInProducer()
    {
        TargetSpec[] targets =
        [
            new("Report") { Inputs = ["metrics/eval.json", "plots"] },
            new("Evaluate") { Metrics = ["metrics/eval.json"] },
            new("Plot") { Plots = ["plots/roc.json"] },
        ];

        var plan = PlanAssert.Plan(targets, ["Report"]);

        Assert.Equal(["Evaluate", "Plot", "Report"], PlanAssert.Names(plan));
        Assert.Equal(["Evaluate", "Plot"], PlanAssert.Get(plan, "Report").WaitsFor);
    }

    [Fact]
    public void Create_InferredAndDeclaredEdge_WaitsOnce()
    {
        TargetSpec[] targets =
        [
            new("Ingest") { Outputs = ["data/raw"] },
            new("Train") { DependsOn = ["Ingest"], After = ["Ingest"], Inputs = ["data/raw/a.csv", "data/raw/b.csv"] },
        ];

        Assert.Equal(["Ingest"], PlanAssert.Get(PlanAssert.Plan(targets, ["Train"]), "Train").WaitsFor);
    }

    [Fact]
    public void Create_GlobReachesOwnOutput_IgnoresOwnOutput()
    {
        TargetSpec[] targets = [new("Train") { Inputs = ["data/**/*.csv"], Outputs = ["data/model.bin"] }];

        var plan = PlanAssert.Plan(targets, ["Train"]);

        Assert.Empty(PlanAssert.Get(plan, "Train").WaitsFor);
    }

    [Theory]
    [InlineData("data/**/*.csv", "data/x/y.csv", true)]
    [InlineData("data/**/*.csv", "data/y.csv", true)]
    [InlineData("data/**/*.csv", "data", true)]
    [InlineData("data/*", "data/raw/x.csv", true)]
    [InlineData("data/*.csv", "data/raw/x.csv", false)]
    [InlineData("*/raw/*.csv", "data/raw/x.csv", true)]
    [InlineData("*/raw/*.csv", "data/clean/x.csv", false)]
    [InlineData("a/**/b/**/c.txt", "a/x/b/y/z/c.txt", true)]
    [InlineData("a/**/b/**/c.txt", "a/x/q/y/z/d.txt", true)]
    public void GlobPattern_Reaches_MatchesPathAboveOrBelow(string glob, string path, bool expected) =>
        Assert.Equal(expected, new GlobPattern(glob).Reaches(path));

    [Theory]
    [InlineData("*.csv", "a.csv", true)]
    [InlineData("*.csv", "a.csv.gz", false)]
    [InlineData("p?rt-*", "part-01", true)]
    [InlineData("p?rt-*", "prt-01", false)]
    [InlineData("*a*b*", "xxaxxbxx", true)]
    public void GlobPattern_SegmentMatches_HandlesStarAndQuestionMark(string pattern, string name, bool expected) =>
        Assert.Equal(expected, GlobPattern.SegmentMatches(pattern, name));
}
