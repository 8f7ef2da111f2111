namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>A test that needs the repository's git history (the source tree is a git checkout); skipped, with the reason, otherwise.</summary>
public sealed class GitCheckoutFactAttribute : FactAttribute
{
    public GitCheckoutFactAttribute()
    {
        if (!Path.Exists(Path.Combine(SourceTree.Root, ".git")))
            Skip = $"{SourceTree.Root} is not a git checkout: this test copies the repository's tracked files.";
    }
}
