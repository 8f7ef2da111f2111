using Pipeline.Serving.Tests;

namespace Pipeline.Monitoring.Tests.Hosts;

/// <summary>Shares one trained model across the host tests.</summary>
[CollectionDefinition(Name)]
public sealed class ServedModelCollection : ICollectionFixture<ServingFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "served-model";
}
