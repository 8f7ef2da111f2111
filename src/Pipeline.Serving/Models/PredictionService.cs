using System.Diagnostics;
using Pipeline.Ml.Recommendation;
using Pipeline.Serving.Logging;
using Pipeline.Serving.Metrics;
using Pipeline.Serving.Rollouts;

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

    /// <summary>The rollout router (canary, A/B, shadow splits); null sends every request to <see cref="Live"/>.</summary>
    public RolloutRouter? Router { get; set; }

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
            : Router?.Candidate(version) ?? throw new RequestRejectedException(Rejection.NotFound, $"Model '{name}' version '{version}' is not served; the live version is {model.Version}.");
    }

    /// <summary>
    /// Scores validated rows and logs every row. When <paramref name="model"/> is the live model, the
    /// <see cref="Router"/> may answer with a rollout candidate instead (sticky per entity key, read through
    /// <paramref name="header"/> or from the rows); <see cref="PredictionResult.Model"/> is the one that answered.
    /// A prediction is only returned once its rows are in the log's queue: when the log is full the request waits,
    /// and is refused (<see cref="Rejection.Unavailable"/>: 503, gRPC UNAVAILABLE) if no room came in time.
    /// Scoring runs in a <c>predict</c> span; every logged row carries the request's trace id (the client's W3C
    /// <c>traceparent</c> when it sent one).
    /// </summary>
    public async Task<PredictionResult> PredictAsync(ServedModel model, object?[][] rows, string? requestId, Func<string, string?>? header, CancellationToken cancel)
    {
        // NOTE: version 7 (time-ordered) ids: the log's request_id primary key then grows at its end instead of
        // dirtying a random index page per row, which had the SQLite writer rewrite more than one page per prediction.
        var id = string.IsNullOrEmpty(requestId) ? Guid.CreateVersion7(clock.GetUtcNow()).ToString("N") : requestId;
        using var span = ServingTelemetry.Source.StartActivity("predict");
        span?.SetTag("model", model.Name).SetTag("request_id", id).SetTag("rows", rows.Length);
        var traceId = ServingTelemetry.CurrentTraceId();
        var router = ReferenceEquals(model, live) ? Router : null;
        var start = Stopwatch.GetTimestamp();
        var (answer, predictions) = router is null ? (model, model.Predict(rows)) : router.Score(model, rows, id, header);
        var latency = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var rowIds = RowIds(id, rows.Length);
        var now = clock.GetUtcNow();
        var records = new PredictionRecord[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            records[i] = PredictionRecord.Of(rowIds[i], now, answer, rows[i], predictions[i], latency, traceId);
        }

        if (!await log.AddAsync(records, cancel))
        {
            throw new RequestRejectedException(Rejection.Unavailable,
                $"The prediction log is full (writing to it is behind); request '{id}' was not answered because its {rows.Length} prediction(s) could not be recorded within {log.WaitLimit.TotalSeconds:0.###} s. Retry later.");
        }

        router?.Observed(answer, predictions, latency);
        span?.SetTag("model_version", answer.VersionText).SetTag("variant", answer.Variant);
        router?.Mirror(rows, rowIds, now, traceId, log);
        return new PredictionResult(answer, id, rowIds, predictions);
    }

    /// <summary>
    /// The top items of <paramref name="model"/>'s recommender for <paramref name="request"/>, logged as one prediction
    /// (features: user_id, k, exclude and any filter; output: the items, scores and cold_start), like any prediction.
    /// </summary>
    public async Task<RecommendationAnswer> RecommendAsync(ServedModel model, RecommendRequest request, string? requestId, CancellationToken cancel)
    {
        var recommender = RecommenderOf(model);
        var id = NewId(requestId);
        using var span = ServingTelemetry.Source.StartActivity("recommend");
        span?.SetTag("model", model.Name).SetTag("request_id", id);
        var start = Stopwatch.GetTimestamp();
        IReadOnlyList<RecommendedItem> items;
        bool cold;
        try
        {
            (items, cold) = recommender.Recommend(request.User, request.K, request.Exclude, request.Filter);
        }
        catch (ArgumentException e)
        {
            throw RequestRejectedException.Invalid(e.Message);
        }

        var latency = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        await LogAsync(model, id, PredictionJson.RecommendRequest(request), PredictionJson.Recommendation(items, cold), latency, cancel);
        return new RecommendationAnswer(model, id, items, cold);
    }

    /// <summary>
    /// The recommender's score of each (user, item) pair (OIP v2 infer on a recommender), logged as one prediction
    /// (features: the user_id and item_id lists; output: the scores).
    /// </summary>
    public async Task<(string RequestId, double[] Scores)> ScorePairsAsync(ServedModel model, IReadOnlyList<string> users, IReadOnlyList<string> items, string? requestId, CancellationToken cancel)
    {
        var recommender = RecommenderOf(model);
        var id = NewId(requestId);
        using var span = ServingTelemetry.Source.StartActivity("score_pairs");
        span?.SetTag("model", model.Name).SetTag("request_id", id);
        var start = Stopwatch.GetTimestamp();
        var scores = recommender.Score(users, items);
        var latency = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        await LogAsync(model, id, PredictionJson.Pairs(users, items), PredictionJson.Scores(scores), latency, cancel);
        return (id, scores);
    }

    private static RecommenderModel RecommenderOf(ServedModel model) =>
        model.Recommender ?? throw RequestRejectedException.Invalid($"{model.Name} {model.Version} is a {model.Task.ToString().ToLowerInvariant()} model, not a recommender: ask it with :predict.");

    private string NewId(string? requestId) => string.IsNullOrEmpty(requestId) ? Guid.CreateVersion7(clock.GetUtcNow()).ToString("N") : requestId;

    private async Task LogAsync(ServedModel model, string id, string features, string output, double latency, CancellationToken cancel)
    {
        var record = new PredictionRecord(id, clock.GetUtcNow(), model.Name, model.VersionText, model.Variant, features, output, latency, ServingTelemetry.CurrentTraceId());
        if (!await log.AddAsync([record], cancel))
        {
            throw new RequestRejectedException(Rejection.Unavailable,
                $"The prediction log is full (writing to it is behind); request '{id}' was not answered because its recommendation could not be recorded within {log.WaitLimit.TotalSeconds:0.###} s. Retry later.");
        }
    }

    /// <summary>The logged id of each row: the request id for one row, <c>id:i</c> for a batch.</summary>
    public static string[] RowIds(string id, int count) => count == 1 ? [id] : Enumerable.Range(0, count).Select(i => $"{id}:{i}").ToArray();
}
