using System.Diagnostics;
using System.Diagnostics.Metrics;
using Pipeline.Serving.Logging;

namespace Pipeline.Serving.Metrics;

/// <summary>
/// The host's instruments on its <see cref="ServingMeter"/>: requests by route, status, model version and variant,
/// their latency, requests in flight, and the prediction log's queue and counters read when scraped. Exported as
/// <c>serving_requests_total</c>, <c>serving_request_duration_seconds</c>, <c>serving_requests_in_flight</c> and
/// <c>serving_prediction_log_*</c> (the names README.md documents).
/// </summary>
internal sealed class ServingMetrics
{
    /// <summary>Upper bounds of the latency histogram in seconds (the +Inf bucket is implied).</summary>
    public static readonly double[] LatencyBounds = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly Counter<long> requests;
    private readonly Histogram<double> duration;
    private readonly UpDownCounter<long> inFlight;

    /// <summary>Creates the instruments on <paramref name="meter"/>.</summary>
    public ServingMetrics(ServingMeter meter, PredictionLog log)
    {
        var m = meter.Meter;
        requests = m.CreateCounter<long>("serving_requests", description: "Requests by route, status, model version and variant.");
        duration = m.CreateHistogram("serving_request_duration", "s", "Request latency by route, model version and variant.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBounds });
        inFlight = m.CreateUpDownCounter<long>("serving_requests_in_flight", description: "Requests being served.");
        m.CreateObservableGauge("serving_prediction_log_queue_depth", () => log.Depth, description: "Prediction records waiting to be written.");
        m.CreateObservableGauge("serving_prediction_log_queue_capacity", () => log.Capacity, description: "Capacity of the prediction log queue in records.");
        m.CreateObservableCounter("serving_prediction_log_written", () => log.Written, description: "Prediction records written.");
        m.CreateObservableCounter("serving_prediction_log_refused_requests", () => log.Refused, description: "Requests refused (503, UNAVAILABLE) because the log had no room for their predictions in time.");
        m.CreateObservableCounter("serving_prediction_log_dropped", () => log.Dropped, description: "Shadow prediction records skipped because the queue was full (never answered to a client).");
        m.CreateObservableCounter("serving_prediction_log_write_retries", () => log.Retries, description: "Batch writes the database refused and that were retried (the batch is kept).");
        m.CreateObservableCounter("serving_prediction_log_failed", () => log.Failed, description: "Prediction records that could not be written before the host stopped.");
        ProcessInstruments.Create(m);
    }

    /// <summary>Marks a request started.</summary>
    public void Started() => inFlight.Add(1);

    /// <summary>Marks a request finished and records it.</summary>
    public void Finished(string route, string status, string version, string variant, double seconds)
    {
        inFlight.Add(-1);
        var tags = new TagList { { "route", route }, { "model_version", version }, { "variant", variant } };
        duration.Record(seconds, tags);
        tags.Add("status", status);
        requests.Add(1, tags);
    }
}
