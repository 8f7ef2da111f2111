using Pipeline.Engine.Primitives;
using Pipeline.Git.Registry;

namespace Pipeline.Git.Tests.Registry;

/// <summary>The tags follow the registry folder's production version: written once, idempotent, and back to an older one.</summary>
public sealed class RecordProductionTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2024, 5, 6, 7, 8, 0, TimeSpan.Zero);
    private readonly TestGitRepository _git = new();
    private readonly ModelRegistry _registry;
    private readonly string _c1;
    private readonly string _c2;

    public RecordProductionTests()
    {
        _registry = new ModelRegistry(_git.Repo, new SteppingTimeProvider(Start), new GitIdentity("Registry Bot", "bot@example.com"));
        _c1 = _git.CommitFiles("deploy 1", ("dvc.lock", "1")).Sha;
        _c2 = _git.CommitFiles("deploy 2", ("dvc.lock", "2")).Sha;
    }

    public void Dispose() => _git.Dispose();

    private string[] Tags() => [.. _git.Repo.Tags.Select(t => t.FriendlyName).Order(StringComparer.Ordinal)];

    [Fact]
    public void RecordProduction_NewVersion_RegistersOnTheCommitAndAssignsProduction()
    {
        Assert.True(_registry.RecordProduction("churn", ModelVersion.First, _c1));

        Assert.Equal(["churn#production#1", "churn@v0.0.1"], Tags());
        Assert.Equal(_c1, _git.Repo.Tags["churn@v0.0.1"].PeeledTarget.Sha);
        Assert.Equal(new TaggedVersion("v0.0.1", _c1), _registry.Production("churn"));
    }

    [Fact]
    public void RecordProduction_AlreadyRecorded_WritesNothing()
    {
        _registry.RecordProduction("churn", ModelVersion.First, _c1);

        Assert.False(_registry.RecordProduction("churn", ModelVersion.First, _c2));

        Assert.Equal(["churn#production#1", "churn@v0.0.1"], Tags());
    }

    [Fact]
    public void RecordProduction_RegisteredButNotAssigned_OnlyAssigns()
    {
        _registry.Register("churn", _c1);

        Assert.True(_registry.RecordProduction("churn", ModelVersion.First, _c2));

        Assert.Equal(["churn#production#1", "churn@v0.0.1"], Tags());
        Assert.Equal(_c1, _registry.Production("churn")!.CommitSha);
    }

    [Fact]
    public void RecordProduction_RolledBackToAnOlderVersion_AssignsItWithoutRegisteringAgain()
    {
        _registry.RecordProduction("churn", ModelVersion.First, _c1);
        _registry.RecordProduction("churn", ModelVersion.First.Next(VersionBump.Patch), _c2);

        Assert.True(_registry.RecordProduction("churn", ModelVersion.First, _c2));

        Assert.Equal(["churn#production#1", "churn#production#2", "churn#production#3", "churn@v0.0.1", "churn@v0.0.2"], Tags());
        Assert.Equal(new TaggedVersion("v0.0.1", _c1), _registry.Production("churn"));
    }
}
