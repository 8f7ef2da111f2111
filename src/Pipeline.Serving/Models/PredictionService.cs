using System.Diagnostics;
using Pipeline.Serving.Logging;

namespace Pipeline.Serving.Models;

/// <summary>
/// The one prediction service every protocol adapter calls: resolves the model a request names, scores validated
/// rows on it and logs every row. The live model is one volatile reference: <see cref="Swap"/> replaces it
/// atomically, requests that already resolved the old model finish on it, and nobody waits.
/// </summary>
// NOTE: rollouts (canary, A/B, shadow) plug in at Resolve: it is the single place a request is bound to a variant.
internal sealed class PredictionService(string modelName, PredictionLog log, TimeProvider clock)
{
    private volatile ServedModel? live;

    /// <summary>The model name this host serves (params.yaml's model.name).</summary>
    public string ModelName => modelName;

    /// <summary>The model answering now, or null before the first load.</summary>
    public ServedModel? Live => live;

    /// <summary>True once a model is loaded.</summary>
    public bool Ready => live is not null;

    /// <summary>Makes <paramref name="next"/> the live model; returns the previous one (kept warm for rollback).</summary>
    public ServedModel? Swap(ServedModel next)
    {
        if (next.Name != modelName)
        {
            throw new ArgumentException($"This host serves '{modelName}', not '{next.Name}'.", nameof(next));
        }

        return Interlocked.Exchange(ref live, next);
    }

    /// <summary>The model answering a request for <paramref name="name"/> (and optionally a version).</summary>
    public ServedModel Resolve(string name, string? version = null)
    {
        if (name != modelName)
        {
            throw new RequestRejectedException(Rejection.NotFound, $"Unknown model '{name}'; this host serves '{modelName}'.");
        }

        var model = live ?? throw new RequestRejectedException(Rejection.Unavailable, $"Model '{modelName}' is not loaded yet.");
        return string.IsNullOrEmpty(version) || version == model.Version.ToString()
            ? model
            : throw new RequestRejectedException(Rejection.NotFound, $"Model '{name}' version '{version}' is not served; the live version is {model.Version}.");
    }

    /// <summary>Scores validated rows on <paramref name="model"/> and logs each row (never waiting on the log).</summary>
    public PredictionResult Predict(ServedModel model, object?[][] rows, string? requestId)
    {
        var start = Stopwatch.GetTimestamp();
        var predictions = model.Predict(rows);
        var latency = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var id = string.IsNullOrEmpty(requestId) ? Guid.NewGuid().ToString("N") : requestId;
        var rowIds = rows.Length == 1 ? [id] : Enumerable.Range(0, rows.Length).Select(i => $"{id}:{i}").ToArray();
        var now = clock.GetUtcNow();
        for (var i = 0; i < rows.Length; i++)
        {
            log.TryAdd(new PredictionRecord(rowIds[i], now, model, rows[i], predictions[i], latency));
        }

        return new PredictionResult(model, id, rowIds, predictions);
    }
}
