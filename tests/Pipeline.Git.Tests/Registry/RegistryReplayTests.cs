using LibGit2Sharp;
using Pipeline.Engine.Primitives;
using Pipeline.Git.Registry;

namespace Pipeline.Git.Tests.Registry;

public sealed class RegistryReplayTests : IDisposable
{
    private static readonly DateTimeOffset Second = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TestGitRepository _git = new();

    public void Dispose() => _git.Dispose();

    [Fact]
    public void Models_SameSecondEvents_ReplayByCounter()
    {
        var c = _git.CommitFiles("m", ("m.txt", "m")).Sha;
        Tag("churn@v1.0.0", c);
        Tag("churn#production#2", c);
        Tag("churn#production!#3", c);
        Tag("churn#staging#1", c);

        var model = Assert.Single(new ModelRegistry(_git.Repo, TimeProvider.System, new GitIdentity("a", "b")).Models());

        Assert.Equal(["staging"], model.Stages.Keys);
        Assert.Equal(ModelVersion.Parse("v1.0.0"), model.Latest!.Version);
    }

    [Fact]
    public void Models_DeprecatedArtifact_IsHidden()
    {
        var c = _git.CommitFiles("m", ("m.txt", "m")).Sha;
        Tag("churn@v1.0.0", c);
        Tag("fraud@v1.0.0", c);
        _git.AnnotatedTag("churn@deprecated", "Deprecating artifact 'churn'", c);

        var models = new ModelRegistry(_git.Repo, TimeProvider.System, new GitIdentity("a", "b")).Models();

        Assert.Equal(["fraud"], models.Select(m => m.Name));
    }

    private void Tag(string name, string sha) =>
        _git.Repo.Tags.Add(name, _git.Repo.Lookup<Commit>(sha), new Signature("a", "b", Second), "m");
}
