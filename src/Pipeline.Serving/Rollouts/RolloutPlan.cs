using Pipeline.Engine.Primitives;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Rollouts;

/// <summary>A validated <see cref="RolloutRequest"/>: the strategy and its parameters.</summary>
internal sealed record RolloutPlan(RolloutStrategy Strategy, string Version, IReadOnlyList<int> Steps, TimeSpan Hold, CanaryBounds Bounds, string? EntityKey, int Split, int MinSamples, double Alpha, TimeSpan? MaxLabelWait = null)
{
    private static readonly int[] DefaultSteps = [5, 25, 50, 100];

    /// <summary>Validates a request; every problem is listed in one rejection.</summary>
    public static RolloutPlan From(RolloutRequest request)
    {
        var problems = new List<string>();
        RolloutStrategy? strategy = request.Strategy.ToLowerInvariant().Replace("_", "-", StringComparison.Ordinal) switch
        {
            "direct" => RolloutStrategy.Direct,
            "blue-green" or "bluegreen" => RolloutStrategy.BlueGreen,
            "canary" => RolloutStrategy.Canary,
            "ab-test" or "abtest" or "ab" => RolloutStrategy.AbTest,
            "shadow" => RolloutStrategy.Shadow,
            _ => null,
        };
        if (strategy is null)
        {
            problems.Add($"strategy '{request.Strategy}' is unknown; use direct, blue-green, canary, ab-test or shadow.");
        }

        if (!ModelVersion.TryParse(request.Version ?? "", out _))
        {
            problems.Add($"version '{request.Version}' is not a version like v0.0.2.");
        }

        var steps = request.Steps ?? DefaultSteps;
        if (steps.Count == 0 || steps[^1] != 100 || steps.Any(s => s is <= 0 or > 100) || steps.Zip(steps.Skip(1)).Any(p => p.First >= p.Second))
        {
            problems.Add($"steps [{string.Join(", ", steps)}] must be increasing percentages in 1..100 ending at 100.");
        }

        if (request.MaxLabelWaitSeconds is < 0 || request.HoldSeconds < 0 || request.Split is <= 0 or >= 100 || request.MinSamples < 1 || request.Alpha is <= 0 or >= 1)
        {
            problems.Add("hold_seconds and max_label_wait_seconds must be >= 0, split in 1..99, min_samples >= 1 and alpha in (0, 1).");
        }

        problems.AddRange(request.Bounds.Problems());
        return problems.Count > 0
            ? throw RequestRejectedException.Invalid(string.Join(" ", problems))
            : new RolloutPlan(strategy!.Value, request.Version!, steps, TimeSpan.FromSeconds(request.HoldSeconds), request.Bounds, request.EntityKey, request.Split, request.MinSamples, request.Alpha,
                request.MaxLabelWaitSeconds is { } wait ? TimeSpan.FromSeconds(wait) : null);
    }
}
