namespace Pipeline.Serving;

/// <summary>Marker for the serving assembly (REST and gRPC host, rollouts, prediction log).</summary>
internal static class ServingAssembly;
