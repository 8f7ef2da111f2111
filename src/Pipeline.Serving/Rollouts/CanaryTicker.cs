using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Serving.Logging;

namespace Pipeline.Serving.Rollouts;

/// <summary>
/// Calls <see cref="RolloutController.TickAsync"/> once a second (with the prediction log, for a canary judged on labelled
/// feedback); a failing tick is logged, never fatal.
/// </summary>
internal sealed class CanaryTicker(RolloutController controller, PredictionLog log, ILogger<CanaryTicker> logger) : BackgroundService
{
    /// <summary>How often the canary is judged.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await controller.TickAsync(log.Store, stoppingToken);
            }
            // NOTE: the loop must outlive any one bad judgement (e.g. a statistics edge case); the next tick retries.
            catch (Exception e) when (e is not OperationCanceledException)
            {
                RolloutLog.TickFailed(logger, e);
            }
        }
    }
}
