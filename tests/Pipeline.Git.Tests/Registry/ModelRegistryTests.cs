using LibGit2Sharp;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Primitives;
using Pipeline.Git.Registry;

namespace Pipeline.Git.Tests.Registry;

public sealed class ModelRegistryTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2024, 5, 6, 7, 8, 0, TimeSpan.Zero);
    private readonly TestGitRepository _git = new();
    private readonly ModelRegistry _registry;
    private readonly string _c1;
    private readonly string _c2;
    private readonly string _c3;

    public ModelRegistryTests()
    {
        _registry = new ModelRegistry(_git.Repo, new SteppingTimeProvider(Start), new GitIdentity("Registry Bot", "bot@example.com"));
        _c1 = _git.CommitFiles("train 1", ("metrics.json", "{\"auc\": 0.9}")).Sha;
        _c2 = _git.CommitFiles("train 2", ("metrics.json", "{\"auc\": 0.91}")).Sha;
        _c3 = _git.CommitFiles("train 3", ("metrics.json", "{\"auc\": 0.92}")).Sha;
    }

    public void Dispose() => _git.Dispose();

    [Fact]
    public void Register_FirstVersion_WritesAnnotatedGtoTag()
    {
        var version = _registry.Register("churn", _c1);

        Assert.Equal(new TaggedVersion("v0.0.1", _c1), version);
        var tag = _git.Repo.Tags["churn@v0.0.1"];
        Assert.True(tag.IsAnnotated);
        Assert.Equal(_c1, tag.PeeledTarget.Sha);
        Assert.Equal("Registering artifact churn version v0.0.1\n", tag.Annotation.Message);
        Assert.Equal("Registry Bot", tag.Annotation.Tagger.Name);
        Assert.Equal("bot@example.com", tag.Annotation.Tagger.Email);
        Assert.Equal(Start, tag.Annotation.Tagger.When);
    }

    [Fact]
    public void Register_TagObject_MatchesGitTagAnnotateBytes()
    {
        _registry.Register("churn", _c1);

        var raw = Git("cat-file", "tag", "churn@v0.0.1");
        Assert.Equal($"object {_c1}\ntype commit\ntag churn@v0.0.1\ntagger Registry Bot <bot@example.com> {Start.ToUnixTimeSeconds()} +0000\n\nRegistering artifact churn version v0.0.1\n", raw);
        Assert.Equal("churn@v0.0.1    Registering artifact churn version v0.0.1\n", Git("tag", "-n"));
    }

    [Fact]
    public void Register_Bumps_FromGreatestRegisteredVersion()
    {
        _registry.Register("churn", _c1);
        Assert.Equal("v0.1.0", _registry.Register("churn", _c2, VersionBump.Minor).Name);
        Assert.Equal("v1.0.0", _registry.Register("churn", _c3, VersionBump.Major).Name);
        var c4 = _git.CommitFiles("train 4", ("metrics.json", "{}")).Sha;
        Assert.Equal("v1.0.1", _registry.Register("churn", c4).Name);
    }

    [Fact]
    public void Register_ExplicitPrerelease_LatestIsGreatestSemVer()
    {
        _registry.Register("churn", _c1, ModelVersion.Parse("v1.0.0"));
        _registry.Register("churn", _c2, ModelVersion.Parse("v1.1.0-rc.1"));

        Assert.Equal("v1.1.0-rc.1", Assert.Single(_registry.Models()).Latest!.Name);
    }

    [Fact]
    public void Register_CommitWithActiveVersion_Refuses()
    {
        _registry.Register("churn", _c1);
        var e = Assert.Throws<UsageException>(() => _registry.Register("churn", "HEAD~2"));
        Assert.Contains("v0.0.1", e.Message);
    }

    [Fact]
    public void Register_BadRevision_NamesIt()
    {
        var e = Assert.Throws<UsageException>(() => _registry.Register("churn", "no-such-branch"));
        Assert.Contains("'no-such-branch'", e.Message);
    }

    [Fact]
    public void Assign_CounterRunsAcrossStagesAndLightweightTags()
    {
        _registry.Register("churn", _c1);
        _registry.Register("churn", _c2);
        _registry.Register("other", _c2);

        Assert.Equal("churn#staging#1", _registry.Assign("churn", ModelVersion.Parse("v0.0.1"), "staging"));
        Assert.Equal("other#production#1", _registry.Assign("other", ModelVersion.Parse("v0.0.1"), "production"));
        Assert.Equal("churn#production#2", _registry.Assign("churn", ModelVersion.Parse("v0.0.1"), "production"));
        _git.LightweightTag("churn#dev#7");
        Assert.Equal("churn#staging#8", _registry.Assign("churn", ModelVersion.Parse("v0.0.2"), "staging"));

        var tag = _git.Repo.Tags["churn#production#2"];
        Assert.Equal(_c1, tag.PeeledTarget.Sha);
        Assert.Equal("Assigning stage production to artifact churn version v0.0.1\n", tag.Annotation.Message);
    }

    [Fact]
    public void Models_NewestAssignmentWinsAndLightweightTagsIgnored()
    {
        _registry.Register("churn", _c1);
        _registry.Register("churn", _c2);
        _registry.Assign("churn", ModelVersion.Parse("v0.0.2"), "production");
        _registry.Assign("churn", ModelVersion.Parse("v0.0.1"), "production");
        _git.LightweightTag("churn@v9.0.0", _c3);
        _git.LightweightTag("churn#production#9", _c3);

        var model = Assert.Single(_registry.Models());
        Assert.Equal("v0.0.2", model.Latest!.Name);
        Assert.Equal(new TaggedVersion("v0.0.1", _c1), model.Stages["production"]);
        Assert.Equal(new TaggedVersion("v0.0.1", _c1), _registry.Production("churn"));
    }

    [Fact]
    public void Unassign_RemovesStageAndProductionFallsBackToNull()
    {
        _registry.Register("churn", _c1);
        _registry.Assign("churn", ModelVersion.Parse("v0.0.1"), "production");

        Assert.Equal("churn#production!#2", _registry.Unassign("churn", ModelVersion.Parse("v0.0.1"), "production"));
        Assert.Equal("Unassigning stage 'production' to artifact 'churn' version 'v0.0.1'\n", _git.Repo.Tags["churn#production!#2"].Annotation.Message);
        Assert.Null(_registry.Production("churn"));
        Assert.Empty(Assert.Single(_registry.Models()).Stages);
    }

    [Fact]
    public void Deregister_LatestFallsBackToPreviousVersion()
    {
        _registry.Register("churn", _c1);
        _registry.Register("churn", _c2);

        Assert.Equal("churn@v0.0.2!", _registry.Deregister("churn", ModelVersion.Parse("v0.0.2")));
        Assert.Equal("v0.0.1", Assert.Single(_registry.Models()).Latest!.Name);
        Assert.Throws<UsageException>(() => _registry.Deregister("churn", ModelVersion.Parse("v0.0.2")));
    }

    [Fact]
    public void Register_SubdirectoryArtifact_WritesEqualsInTag()
    {
        _registry.Register("models/sub:churn", _c1);
        _registry.Assign("models/sub:churn", ModelVersion.Parse("v0.0.1"), "production");

        Assert.NotNull(_git.Repo.Tags["models/sub=churn@v0.0.1"]);
        Assert.NotNull(_git.Repo.Tags["models/sub=churn#production#1"]);
        Assert.Equal(_c1, _registry.Production("models/sub:churn")!.CommitSha);
    }

    [Fact]
    public void Models_StageTagOnUnregisteredCommit_IsImplicitShaVersion()
    {
        _git.AnnotatedTag("churn#staging#1", "manual", _c3);

        var model = Assert.Single(_registry.Models());
        Assert.Null(model.Latest);
        Assert.Equal(new TaggedVersion(_c3, _c3), model.Stages["staging"]);
        Assert.Null(model.Stages["staging"].Version);
    }

    [Fact]
    public void RenderTable_ListsLatestAndStages()
    {
        _registry.Register("churn", _c1);
        _registry.Register("churn", _c2);
        _registry.Register("fraud", _c3);
        _registry.Assign("churn", ModelVersion.Parse("v0.0.1"), "production");
        _registry.Assign("fraud", ModelVersion.Parse("v0.0.1"), "staging");

        Assert.Equal(
            "╒════════╤══════════╤═══════════════╤════════════╕\n" +
            "│ name   │ latest   │ #production   │ #staging   │\n" +
            "╞════════╪══════════╪═══════════════╪════════════╡\n" +
            "│ churn  │ v0.0.2   │ v0.0.1        │ -          │\n" +
            "│ fraud  │ v0.0.1   │ -             │ v0.0.1     │\n" +
            "╘════════╧══════════╧═══════════════╧════════════╛\n",
            _registry.RenderTable());
    }

    private string Git(params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = _git.Root, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }
}
