using System.Globalization;
using System.Text.Json;
using Pipeline.Formats.Columns;
using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Logs;

/// <summary>The predictions of one monitoring window, oldest first.</summary>
internal sealed class PredictionWindow
{
    /// <summary>Creates a window; the predictions must be in time order.</summary>
    public PredictionWindow(IReadOnlyList<LoggedPrediction> predictions) =>
        Predictions = predictions ?? throw new ArgumentNullException(nameof(predictions));

    /// <summary>The predictions, oldest first.</summary>
    public IReadOnlyList<LoggedPrediction> Predictions { get; }

    /// <summary>Predictions that have a feedback label.</summary>
    public int LabelledCount => Predictions.Count(p => p.FeedbackLabel is not null);

    /// <summary>
    /// The window's features as a dataset shaped like <paramref name="reference"/>: one column per reference column
    /// that appears in the logged features, of the same kind. Values that do not fit the kind are missing.
    /// </summary>
    public DriftDataset ToDataset(DriftDataset reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var logged = Predictions.SelectMany(p => p.Features.Keys).ToHashSet(StringComparer.Ordinal);
        return new DriftDataset(reference.Columns.Where(c => logged.Contains(c.Name)).Select(c => c.Kind switch
        {
            ColumnKind.Numeric => DatasetColumn.Numeric(c.Name, Predictions.Select(p => NumberOf(p, c.Name)).ToArray()),
            ColumnKind.Boolean => DatasetColumn.Categorical(c.Name, Predictions.Select(p => BooleanOf(p, c.Name)).ToArray(), ColumnKind.Boolean),
            var kind => DatasetColumn.Categorical(c.Name, Predictions.Select(p => LabelOf(p, c.Name)).ToArray(), kind),
        }));
    }

    private static double? NumberOf(LoggedPrediction prediction, string name)
    {
        if (!prediction.Features.TryGetValue(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            JsonValueKind.True => 1,
            JsonValueKind.False => 0,
            _ => null,
        };
    }

    // NOTE: a Boolean column's labels are spelled "true"/"false" on both sides, so a feature logged as 1, 1.0, "yes" or
    // true matches a reference cell "1" (CsvTable reads the reference the same way).
    private static string? BooleanOf(LoggedPrediction prediction, string name)
    {
        if (!prediction.Features.TryGetValue(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble() switch { 1 => "true", 0 => "false", _ => null },
            JsonValueKind.String => ColumnValue.BooleanText(value.GetString()!),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    private static string? LabelOf(LoggedPrediction prediction, string name)
    {
        if (!prediction.Features.TryGetValue(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }
}
