namespace Pipeline.Engine.IntegrationTests;

/// <summary>The same sources compiled and run in two checkouts at different paths give byte-identical code listings.</summary>
public sealed class CheckoutPathTests : IDisposable
{
    private readonly DirectoryInfo _parent = Directory.CreateTempSubdirectory("checkout-paths-");

    public void Dispose() => new TestRepository(_parent.FullName, owned: true).Dispose();

    [Fact]
    public void Build_SameSourcesInTwoDirectoriesOfDifferentDepth_IdenticalCodeListings()
    {
        var shallow = TemplateRepository.EngineFixtureSources(Path.Combine(_parent.FullName, "a"));
        var deep = TemplateRepository.EngineFixtureSources(Path.Combine(_parent.FullName, "work", "ci", "job-1234", "pipeline-checkout"));

        foreach (var repo in new[] { shallow, deep })
        {
            var result = repo.Run(TimeSpan.FromMinutes(20));
            Assert.True(result.ExitCode == 0, result.ToString());
        }

        var listings = Directory.GetFiles(shallow.PathOf(".nuke/code")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("Prepare.txt", listings);
        Assert.Equal(listings, Directory.GetFiles(deep.PathOf(".nuke/code")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var listing in listings)
            Assert.Equal(File.ReadAllBytes(shallow.PathOf(".nuke/code/" + listing)), File.ReadAllBytes(deep.PathOf(".nuke/code/" + listing)));
        Assert.Contains("Guard::NoNul", shallow.Read(".nuke/code/Prepare.txt"), StringComparison.Ordinal);
        Assert.Contains("__Unchanged::Of", shallow.Read(".nuke/code/Prepare.txt"), StringComparison.Ordinal);
        Assert.Equal(shallow.Read("dvc.lock"), deep.Read("dvc.lock"));
    }
}
