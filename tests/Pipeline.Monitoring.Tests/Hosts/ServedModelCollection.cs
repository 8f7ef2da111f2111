namespace Pipeline.Monitoring.Tests.Hosts;

/// <summary>Shares one trained model across the host tests.</summary>
[CollectionDefinition(Name)]
public sealed class ServedModelCollection : ICollectionFixture<ServedModelFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "served-model";
}
