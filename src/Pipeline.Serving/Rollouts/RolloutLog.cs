using Microsoft.Extensions.Logging;

namespace Pipeline.Serving.Rollouts;

/// <summary>The rollout's structured log events.</summary>
internal static partial class RolloutLog
{
    /// <summary>Logs a phase change of the rollout of <paramref name="plan"/> (strategy "none" when there is none).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1873", Justification = "The arguments are built only when the level is enabled (checked first).")]
    public static void Changed(ILogger logger, RolloutPhase phase, RolloutPlan? plan, string reason)
    {
        if (logger.IsEnabled(LogLevel.Information)) Changed(logger, phase.ToString(), plan?.Strategy.ToString() ?? "none", plan?.Version ?? "", reason);
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Rollout {Phase}: {Strategy} {Version}: {Reason}")]
    private static partial void Changed(ILogger logger, string phase, string strategy, string version, string reason);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Warning, Message = "The registry's production pointer still names another version than the live {Version}: {Reason}")]
    public static partial void RegistryNotUpdated(ILogger logger, string version, string reason);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Error, Message = "Canary tick failed")]
    public static partial void TickFailed(ILogger logger, Exception error);
}
