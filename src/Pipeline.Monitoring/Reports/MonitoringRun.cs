using Pipeline.Formats.Profiles;
using Pipeline.Monitoring.Csv;
using Pipeline.Monitoring.Drift;
using Pipeline.Monitoring.Reference;
using Pipeline.Monitoring.Hosts;
using Pipeline.Monitoring.Logs;

namespace Pipeline.Monitoring.Reports;

/// <summary>One monitoring pass: read the log window, the reference and the baseline, and build the report.</summary>
public static class MonitoringRun
{
    /// <summary>
    /// Builds the report for the window that <paramref name="options"/> selects. The clock is used only when
    /// <see cref="MonitoringOptions.WindowHours"/> is set (null clock = the window's own last prediction is "now").
    /// <paramref name="hosts"/>: every serving host's figures (each read by <see cref="HostScraper"/>, in params.yaml
    /// <c>deploy.host</c> order; null or empty = none asked) for the system section.
    /// </summary>
    public static MonitoringReport Build(MonitoringInputs inputs, MonitoringOptions? options = null, TimeProvider? clock = null, IReadOnlyList<HostReading>? hosts = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new MonitoringOptions();
        options.Validate();
        var window = PredictionLogReader.Read(inputs.PredictionLog, ReadOptions(options, clock));
        var (reference, origin) = ReadReference(inputs);
        var baseline = BaselineMetrics.Read(inputs.Metrics);
        var rows = baseline.TrafficRows is { } n ? FormattableString.Invariant($"labelled_traffic ({n} rows)") : "holdout";
        origin = origin with { MetricsRows = rows };
        var builder = new MonitoringReportBuilder(options);
        if (inputs.Recommendation is { } recommendation)
        {
            var feedback = window.Predictions.Count == 0 ? new Dictionary<string, IReadOnlyList<(string, string)>>() : PredictionLogReader.ReadItemFeedback(inputs.PredictionLog, window.Predictions[0].Time);
            return builder.BuildRecommendation(window, feedback, recommendation, baseline, hosts) with { Origin = origin };
        }

        return builder.Build(window, reference, baseline, hosts) with { Origin = origin };
    }

    /// <summary>The reference dataset (a profile's row sample, or a CSV) and where it and the baseline come from.</summary>
    private static (DriftDataset Reference, BaselineOrigin Origin) ReadReference(MonitoringInputs inputs)
    {
        var origin = new BaselineOrigin(inputs.Version, inputs.Display(inputs.Reference), inputs.Display(inputs.Metrics));
        if (!inputs.ReferenceIsProfile)
        {
            var table = CsvDatasetReader.Read(inputs.Reference);
            return (table, origin with { ReferenceRows = table.Columns.Count == 0 ? 0 : Rows(table.Columns[0]) });
        }

        var (sample, profiled) = ProfileSampleReader.Read(inputs.Reference)
            ?? throw new InvalidDataException($"{inputs.Reference} has no row sample (it was written before profiles kept one): re-run Featurize and Deploy to register a profile with one.");
        return (sample, origin with { ReferenceRows = sample.Columns.Count == 0 ? 0 : Rows(sample.Columns[0]), TrainingRows = profiled });
    }

    private static int Rows(DatasetColumn column) => column.Numbers?.Count ?? column.Labels!.Count;

    /// <summary>The log query for the options: the last <c>window_size</c> predictions, within <c>window_hours</c> of now.</summary>
    public static PredictionLogReadOptions ReadOptions(MonitoringOptions options, TimeProvider? clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var read = new PredictionLogReadOptions { LastCount = options.WindowSize };
        if (options.WindowHours is { } hours && clock is not null)
        {
            read = read with { Since = clock.GetUtcNow() - TimeSpan.FromHours(hours) };
        }

        return read;
    }
}
