using System.Globalization;
using System.Text;
using Pipeline.Serving.Logging;

namespace Pipeline.Serving.Metrics;

/// <summary>Renders the metrics in the Prometheus text exposition format (version 0.0.4).</summary>
internal static class PrometheusText
{
    /// <summary>The content type of the exposition format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Requests, latency, prediction log and process metrics.</summary>
    public static string Render(ServingMetrics metrics, PredictionLog log)
    {
        var text = new StringBuilder(4096);
        Header(text, "serving_requests_total", "counter", "Requests by route, status, model version and variant.");
        foreach (var ((route, status, version, variant), count) in metrics.Requests.OrderBy(r => r.Key.ToString(), StringComparer.Ordinal))
        {
            Line(text, "serving_requests_total", $"route=\"{Escape(route)}\",status=\"{status}\",model_version=\"{Escape(version)}\",variant=\"{Escape(variant)}\"", Interlocked.Read(ref count.Value));
        }

        Header(text, "serving_request_duration_seconds", "histogram", "Request latency by route, model version and variant.");
        foreach (var ((route, version, variant), histogram) in metrics.Latency.OrderBy(r => r.Key.ToString(), StringComparer.Ordinal))
        {
            var labels = $"route=\"{Escape(route)}\",model_version=\"{Escape(version)}\",variant=\"{Escape(variant)}\"";
            var cumulative = histogram.Cumulative();
            for (var i = 0; i < LatencyHistogram.Bounds.Length; i++)
            {
                Line(text, "serving_request_duration_seconds_bucket", $"{labels},le=\"{Format(LatencyHistogram.Bounds[i])}\"", cumulative[i]);
            }

            Line(text, "serving_request_duration_seconds_bucket", $"{labels},le=\"+Inf\"", cumulative[^1]);
            Line(text, "serving_request_duration_seconds_sum", labels, histogram.Sum);
            Line(text, "serving_request_duration_seconds_count", labels, cumulative[^1]);
        }

        Gauge(text, "serving_requests_in_flight", "Requests being served.", metrics.InFlight);
        Gauge(text, "serving_prediction_log_queue_depth", "Prediction records waiting to be written.", log.Depth);
        Gauge(text, "serving_prediction_log_queue_capacity", "Capacity of the prediction log queue in records.", log.Capacity);
        Counter(text, "serving_prediction_log_written_total", "Prediction records written.", log.Written);
        Counter(text, "serving_prediction_log_refused_requests_total", "Requests refused (503, UNAVAILABLE) because the log had no room for their predictions in time.", log.Refused);
        Counter(text, "serving_prediction_log_dropped_total", "Shadow prediction records skipped because the queue was full (never answered to a client).", log.Dropped);
        Counter(text, "serving_prediction_log_write_retries_total", "Batch writes the database refused and that were retried (the batch is kept).", log.Retries);
        Counter(text, "serving_prediction_log_failed_total", "Prediction records that could not be written before the host stopped.", log.Failed);
        ProcessMetrics(text);
        return text.ToString();
    }

    private static void ProcessMetrics(StringBuilder text)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        Counter(text, "process_cpu_seconds_total", "User and system CPU time in seconds.", process.TotalProcessorTime.TotalSeconds);
        Gauge(text, "process_resident_memory_bytes", "Resident memory in bytes.", process.WorkingSet64);
        Gauge(text, "process_virtual_memory_bytes", "Virtual memory in bytes.", process.VirtualMemorySize64);
        Gauge(text, "process_threads", "Operating system threads.", process.Threads.Count);
        Gauge(text, "dotnet_gc_heap_size_bytes", "Bytes on the managed heap.", GC.GetTotalMemory(forceFullCollection: false));
        Counter(text, "dotnet_gc_allocated_bytes_total", "Bytes allocated on the managed heap.", GC.GetTotalAllocatedBytes());
        Counter(text, "dotnet_gc_pause_seconds_total", "Time paused for garbage collection.", GC.GetTotalPauseDuration().TotalSeconds);
        Header(text, "dotnet_gc_collections_total", "counter", "GC collections by generation.");
        for (var generation = 0; generation <= GC.MaxGeneration; generation++)
        {
            Line(text, "dotnet_gc_collections_total", $"generation=\"gen{generation}\"", GC.CollectionCount(generation));
        }

        Gauge(text, "dotnet_threadpool_threads", "Thread pool threads.", ThreadPool.ThreadCount);
        Counter(text, "dotnet_threadpool_completed_items_total", "Work items the thread pool completed.", ThreadPool.CompletedWorkItemCount);
    }

    private static void Gauge(StringBuilder text, string name, string help, double value)
    {
        Header(text, name, "gauge", help);
        Line(text, name, null, value);
    }

    private static void Counter(StringBuilder text, string name, string help, double value)
    {
        Header(text, name, "counter", help);
        Line(text, name, null, value);
    }

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Line(StringBuilder text, string name, string? labels, double value)
    {
        text.Append(name);
        if (labels is not null)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').Append(Format(value)).Append('\n');
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string label) => label.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
