using System.Globalization;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Training;

/// <summary>
/// How far a search is after a trial finished: trials done of all rungs' trials, the share of the work done (a trial
/// on all rows weighs four times one on a quarter), the best trial so far and the one that just finished.
/// </summary>
public sealed record SearchStatus(int Done, int Total, double WorkDone, string Metric, TrialResult Last, TrialResult Best)
{
    /// <summary>The best trial as one phrase: <c>auc 0.9156 (LightGbm, trial 4)</c>.</summary>
    public string BestText => $"{Metric} {Value(Best.Value)} ({Best.Trainer}, trial {Best.Trial.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>The finished trial as one line: <c>trial 7 (rung 0, FastTree): auc 0.9012</c>, or its error.</summary>
    public string LastText => $"trial {Last.Trial.ToString(CultureInfo.InvariantCulture)} (rung {Last.Rung.ToString(CultureInfo.InvariantCulture)}, {Last.Trainer}): " +
        (Last.Error is { } error ? $"failed: {error.Split('\n')[0]}" : $"{Metric} {Value(Last.Value)}");

    private static string Value(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.0000", CultureInfo.InvariantCulture);
}

/// <summary>
/// Turns the search's finished trials (<see cref="ModelTrainer.Run(string, string, TrainOptions, TrainOutputs, IProgress{TrialResult}?, CancellationToken)"/>'s
/// progress) into a <see cref="SearchStatus"/> for <paramref name="report"/>; safe to call from the parallel trials.
/// It keeps no clock: the host adds elapsed and remaining time.
/// </summary>
public sealed class SearchProgress(TrainOptions options, Action<SearchStatus> report) : IProgress<TrialResult>
{
    private readonly Lock _gate = new();
    private readonly IReadOnlyList<(int Trials, double Fraction)> _rungs = HalvingTuner.Rungs(options);
    private readonly string _metric = options.ResolvedMetric;
    private int _done;
    private double _work;
    private TrialResult? _best;

    /// <summary>Trials of all rungs.</summary>
    public int Total => _rungs.Sum(r => r.Trials);

    public void Report(TrialResult value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // NOTE: reported under the lock, so the host hears the counts in order even from parallel trials.
        lock (_gate)
        {
            _done++;
            // NOTE: weighed by the rung's planned share, not the trial's: a small table's rungs all train on every row.
            _work += value.Rung < _rungs.Count ? _rungs[value.Rung].Fraction : value.DataFraction;
            if (_best is null || MetricNames.Goodness(_metric, value.Value) > MetricNames.Goodness(_metric, _best.Value)) _best = value;
            var all = _rungs.Sum(r => r.Trials * r.Fraction);
            report(new SearchStatus(_done, Total, all > 0 ? Math.Min(1, _work / all) : 0, _metric, value, _best));
        }
    }
}
