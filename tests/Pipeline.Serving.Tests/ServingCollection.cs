namespace Pipeline.Serving.Tests;

/// <summary>Shares one trained-and-registered model across the serving tests.</summary>
[CollectionDefinition(Name)]
public sealed class ServingCollection : ICollectionFixture<ServingFixture>
{
    public const string Name = "serving";
}
