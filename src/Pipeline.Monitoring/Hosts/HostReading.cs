namespace Pipeline.Monitoring.Hosts;

/// <summary>What a monitoring run learned from the serving host: its figures, or why there are none.</summary>
/// <param name="Address">The host address as configured (params.yaml <c>deploy.host</c>).</param>
/// <param name="Resources">The figures; null when the host did not answer.</param>
/// <param name="Note">Why <paramref name="Resources"/> is null ("host not reachable at …: …"), or null.</param>
public sealed record HostReading(string Address, HostResources? Resources, string? Note)
{
    /// <summary>Whether the host answered with metrics.</summary>
    public bool Reachable => Resources is not null;

    /// <summary>A reading of a host that did not answer, with the reason.</summary>
    public static HostReading Unreachable(string address, string reason) => new(address, null, $"host not reachable at {address}: {reason}");
}
