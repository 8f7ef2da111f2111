using System.Net;

namespace Pipeline.Ml.Ingest;

/// <summary>
/// Retry rules of the http connector: 5xx, 408, 429, timeouts and connection failures are transient and retried up to
/// <c>maxRetries</c> times; delay = <c>baseDelay · 2^attempt · (1 + jitter)</c>, jitter in [0, 0.5) from a seeded
/// <see cref="Random"/> (reproducible). Any other 4xx is permanent and fails at once.
/// </summary>
internal sealed class HttpRetryPolicy(int maxRetries, TimeSpan baseDelay, int seed)
{
    private readonly Random _jitter = new(seed);

    /// <summary>Retries allowed after the first attempt.</summary>
    public int MaxRetries { get; } = maxRetries;

    /// <summary>True when a response with this status is worth retrying.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>The wait before retry number <paramref name="attempt"/> (0-based).</summary>
    public TimeSpan Delay(int attempt) =>
        TimeSpan.FromMilliseconds(baseDelay.TotalMilliseconds * Math.Pow(2, attempt) * (1 + 0.5 * _jitter.NextDouble()));
}
