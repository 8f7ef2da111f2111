namespace Pipeline.Monitoring.Hosts;

/// <summary>Requests the serving host counted for one model version and variant since it started.</summary>
/// <param name="ModelVersion">The answering model version; "" for requests no model answered (rejected input, health checks, failures before a model was chosen).</param>
/// <param name="Variant">The answering variant (stable, canary, ...); "" as for the version.</param>
/// <param name="Requests">Requests, excluding scrapes of <c>/metrics</c>.</param>
/// <param name="Errors">Server errors: HTTP 5xx and gRPC UNKNOWN, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, INTERNAL, UNAVAILABLE, DATA_LOSS.</param>
/// <param name="ClientErrors">Requests refused as the client's fault: HTTP 4xx and the other non-OK gRPC statuses.</param>
public sealed record HostTraffic(string ModelVersion, string Variant, long Requests, long Errors, long ClientErrors)
{
    /// <summary>Errors / requests (null without requests).</summary>
    public double? ErrorRate => Requests == 0 ? null : (double)Errors / Requests;
}
