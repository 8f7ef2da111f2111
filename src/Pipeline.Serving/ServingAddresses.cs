namespace Pipeline.Serving;

/// <summary>Where a started host listens: the REST base address and the gRPC one (HTTP/2 cleartext).</summary>
public sealed record ServingAddresses(Uri Rest, Uri Grpc);
