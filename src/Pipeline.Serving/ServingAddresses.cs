namespace Pipeline.Serving;

/// <summary>Where a started host listens: the REST base address and the gRPC one (the same unless a gRPC port is set).</summary>
public sealed record ServingAddresses(Uri Rest, Uri Grpc);
