using System.Diagnostics;
using Pipeline.Serving.Logging;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Rollouts;

/// <summary>
/// Binds each request to a variant from one read of the current <see cref="RolloutState"/>: a candidate takes its
/// share of a split by the entity key's stable bucket (sticky), a failing candidate falls back to the incumbent
/// (counted, never failing the request), and a shadow candidate scores a copy off the request path.
/// </summary>
internal sealed class RolloutRouter
{
    /// <summary>Most shadow scorings in flight; beyond it mirrors are skipped (and counted) rather than queued.</summary>
    public const int MaxShadowsInFlight = 64;

    private volatile RolloutState state = RolloutState.Initial;
    private int shadowsInFlight;
    private long shadowsSkipped;
    private long shadowFailures;

    /// <summary>The current state; the controller publishes a new one atomically.</summary>
    public RolloutState State
    {
        get => state;
        set => state = value;
    }

    /// <summary>Mirrors skipped because too many were in flight.</summary>
    public long ShadowsSkipped => Interlocked.Read(ref shadowsSkipped);

    /// <summary>Mirrors the shadow candidate failed to score.</summary>
    public long ShadowFailures => Interlocked.Read(ref shadowFailures);

    /// <summary>The running candidate if it is <paramref name="version"/> (a request may pin it).</summary>
    public ServedModel? Candidate(string version) =>
        state is { Phase: RolloutPhase.Running, Candidate: { } c } && c.Version.ToString() == version ? c : null;

    /// <summary>Scores <paramref name="rows"/> on the variant this request is routed to; returns that variant.</summary>
    public (ServedModel Answer, Prediction[] Predictions) Score(ServedModel live, object?[][] rows, string requestId, Func<string, string?>? header)
    {
        var s = state;
        var incumbent = s.Incumbent ?? live;
        if (!s.Splits || s.Candidate is not { } candidate || EntityHash.Bucket(EntityKey(s, candidate, rows, header) ?? requestId) >= s.Percent)
        {
            return (incumbent, incumbent.Predict(rows));
        }

        try
        {
            return (candidate, candidate.Predict(rows));
        }
        // NOTE: whatever a candidate throws is its own failure, never the client's: count it and let the incumbent answer.
        catch (Exception)
        {
            s.Health?.Candidate.Failed();
            return (incumbent, incumbent.Predict(rows));
        }
    }

    /// <summary>Records an answered request in the current step's health window.</summary>
    public void Observed(ServedModel answer, Prediction[] predictions, double latencyMs)
    {
        if (state is { Health: { } health } s)
        {
            var window = ReferenceEquals(answer, s.Candidate) ? health.Candidate : health.Stable;
            window.Answered(latencyMs, predictions.Select(p => p.Score));
        }
    }

    /// <summary>Scores a copy of the request on the shadow candidate in the background and logs it as <c>id:shadow</c>.</summary>
    public void Mirror(object?[][] rows, string[] rowIds, DateTimeOffset time, string traceId, PredictionLog log)
    {
        if (state is not { Mirrors: true, Candidate: { } shadow })
        {
            return;
        }

        if (Interlocked.Increment(ref shadowsInFlight) > MaxShadowsInFlight)
        {
            Interlocked.Decrement(ref shadowsInFlight);
            Interlocked.Increment(ref shadowsSkipped);
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(_ => MirrorNow(shadow, rows, rowIds, time, traceId, log), null);
    }

    private static string? EntityKey(RolloutState s, ServedModel candidate, object?[][] rows, Func<string, string?>? header)
    {
        if (s.Plan?.EntityKey is not { } key)
        {
            return null;
        }

        if (header?.Invoke(key) is { Length: > 0 } fromHeader)
        {
            return fromHeader;
        }

        return candidate.Features.Find(key) is { } column && rows.Length > 0 ? rows[0][column.Ordinal]?.ToString() : null;
    }

    private void MirrorNow(ServedModel shadow, object?[][] rows, string[] rowIds, DateTimeOffset time, string traceId, PredictionLog log)
    {
        try
        {
            var start = Stopwatch.GetTimestamp();
            var predictions = shadow.Predict(rows);
            var latency = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            log.TryAdd(rows.Select((row, i) => PredictionRecord.Of(rowIds[i] + ":shadow", time, shadow, row, predictions[i], latency, traceId)).ToArray());
        }
        // NOTE: a shadow runs on a pool thread where an escaping exception would crash the process.
        catch (Exception)
        {
            Interlocked.Increment(ref shadowFailures);
        }
        finally
        {
            Interlocked.Decrement(ref shadowsInFlight);
        }
    }
}
