using Microsoft.Extensions.Logging;

namespace Pipeline.Serving.Hosting;

/// <summary>The host's structured log events.</summary>
internal static partial class ServingLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Serving {Model} {Version} as {Variant}: REST {Rest}, gRPC {Grpc}, prediction log {Log}")]
    public static partial void Started(ILogger logger, string model, string version, string variant, Uri rest, Uri grpc, string log);
}
