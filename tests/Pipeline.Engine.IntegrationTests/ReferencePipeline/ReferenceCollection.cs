namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>The end-to-end tests that run the real reference pipeline (they share one compiled template).</summary>
[CollectionDefinition(Name)]
public sealed class ReferenceCollection : ICollectionFixture<ReferenceTemplate>
{
    public const string Name = "reference pipeline";
}
