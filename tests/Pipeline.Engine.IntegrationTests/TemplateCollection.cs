namespace Pipeline.Engine.IntegrationTests;

/// <summary>The tests that share one compiled copy of the engine fixture repository.</summary>
[CollectionDefinition(Name)]
public sealed class TemplateCollection : ICollectionFixture<TemplateRepository>
{
    public const string Name = "engine repository";
}
