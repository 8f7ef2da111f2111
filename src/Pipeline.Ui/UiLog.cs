using Microsoft.Extensions.Logging;

namespace Pipeline.Ui;

/// <summary>The UI host's log events.</summary>
internal static partial class UiLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Web UI on {Address} ({Mode}); Ctrl-C stops it")]
    public static partial void Started(ILogger logger, Uri address, string mode);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "{Action} refused from {Remote}: {Reason}")]
    public static partial void Refused(ILogger logger, string action, string? remote, string reason);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "{Action} {Model}: {Outcome}")]
    public static partial void Acted(ILogger logger, string action, string model, string outcome);
}
