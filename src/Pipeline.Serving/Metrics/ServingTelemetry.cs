using System.Diagnostics;

namespace Pipeline.Serving.Metrics;

/// <summary>
/// The names the host's telemetry is published under: the <c>Pipeline.Serving</c> meter (metrics) and activity source
/// (traces), exported through OpenTelemetry.
/// </summary>
internal static class ServingTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "Pipeline.Serving";

    /// <summary>The source of the host's spans (one <c>predict</c> span per scored request, one <c>feedback</c> span per feedback call).</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>The W3C trace id of the current span as 32 hex digits, or empty when nothing is traced.</summary>
    public static string CurrentTraceId() => Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.TraceId.ToHexString() : "";
}
