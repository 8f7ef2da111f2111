using System.Collections.Concurrent;
using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Training;

/// <summary>
/// Random search with optional successive halving: <see cref="TrainOptions.Budget"/> configurations are sampled
/// from a Random seeded with the run seed (trainer uniformly, then its parameters); with halving they run on ¼ of
/// the training rows, the best third (at least one) on ½, the best third of those on all rows. Each rung's trials run concurrently, the longest first (by their time on the previous rung), so no core idles
/// at a rung's end while one long trial finishes; ranking is by metric then trial number, so results do not depend
/// on parallelism or order. Cancellation starts no new trial and stops the running ones through their MLContext.
/// With <see cref="TrainOptions.RungRunner"/> each rung's trials run there (e.g. a Slurm job array) instead of in
/// this process; ranking and halving stay here.
/// When the last rung holds one trial (a budget of 2 to 9), the winner is known before that rung runs:
/// <see cref="SoleFinalist"/> hears of it then, so the caller can refit it on the other core meanwhile.
/// </summary>
internal sealed class HalvingTuner(TrainOptions options, TrialData data, IProgress<TrialResult>? progress = null, CancellationToken cancellation = default)
{
    /// <summary>Called with the one configuration of a single-trial last rung of several, before that rung runs.</summary>
    public Action<TrialConfig>? SoleFinalist { get; init; }

    /// <summary>Data fractions of the rungs of a strategy.</summary>
    public static IReadOnlyList<double> Fractions(SearchStrategy search) =>
        search == SearchStrategy.RandomHalving ? [0.25, 0.5, 1.0] : [1.0];

    /// <summary>How many of a rung's trials go on to the next rung: the best third, at least one.</summary>
    public static int Survivors(int trials) => Math.Max(1, (int)Math.Ceiling(trials / 3.0));

    /// <summary>The trials of each rung of a search of <paramref name="options"/>, with the data fraction each trains on.</summary>
    public static IReadOnlyList<(int Trials, double Fraction)> Rungs(TrainOptions options)
    {
        var rungs = new List<(int, double)>();
        var trials = options.Budget;
        foreach (var fraction in Fractions(options.Search))
        {
            rungs.Add((trials, fraction));
            trials = Survivors(trials);
        }
        return rungs;
    }

    /// <summary>Samples the configurations of a run.</summary>
    public static IReadOnlyList<TrialConfig> Sample(TrainOptions options)
    {
        if (options.Budget < 1)
        {
            throw new ArgumentException($"params.yaml train.budget must be at least 1, not {options.Budget}.");
        }

        var random = new Random(options.Seed);
        var trainers = options.ResolvedTrainers;
        return Enumerable.Range(0, options.Budget).Select(i =>
        {
            var name = trainers[random.Next(trainers.Count)];
            return new TrialConfig(i, name, TrainerCatalog.Get(options.Task, name).Sample(random));
        }).ToList();
    }

    /// <summary>Runs every rung and returns all trials (in rung, then trial order) and the best final-rung trial.</summary>
    public (IReadOnlyList<TrialResult> Trials, TrialResult Best) Run()
    {
        var metric = options.ResolvedMetric;
        var runner = new TrialRunner(data, options.Task, metric, options.Seed, cancellation);
        var fractions = Fractions(options.Search);
        var alive = Sample(options);
        var all = new List<TrialResult>();
        List<TrialResult> rungResults = [];
        var durations = new Dictionary<int, long>();
        for (var rung = 0; rung < fractions.Count; rung++)
        {
            var results = new TrialResult[alive.Count];
            var configs = alive;
            var r = rung;
            if (rung > 0 && rung == fractions.Count - 1 && configs.Count == 1)
            {
                SoleFinalist?.Invoke(configs[0]);
            }

            if (options.RungRunner is { } elsewhere)
            {
                results = RunElsewhere(elsewhere, configs, r, fractions[r]);
            }
            else try
            {
                var order = LongestFirst(configs, durations);
                Parallel.ForEach(Partitioner.Create(order, EnumerablePartitionerOptions.NoBuffering), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallel), CancellationToken = cancellation }, i =>
                {
                    results[i] = runner.Run(configs[i], r, fractions[r]);
                    progress?.Report(results[i]);
                });
            }
            catch (AggregateException e) when (cancellation.IsCancellationRequested)
            {
                throw new OperationCanceledException("Training was cancelled.", e, cancellation);
            }
            rungResults = Rank(results, metric);
            all.AddRange(results);
            foreach (var t in results) durations[t.Trial] = t.DurationMs;
            var keep = Survivors(alive.Count);
            var kept = rungResults.Take(keep).Select(t => t.Trial).ToHashSet();
            alive = alive.Where(c => kept.Contains(c.Index)).ToList();
        }

        var best = rungResults[0];
        if (double.IsNaN(best.Value))
        {
            // NOTE: a trial without an error scored NaN: its validation rows could not be scored (e.g. one class only).
            throw all.FirstOrDefault(t => t.Error is not null) is { } failed
                ? new InvalidOperationException($"Every trial failed; the first error: {failed.Error}")
                : new InvalidDataException(
                    $"No trial could be scored: the validation {metric} of every trial is undefined, so the validation rows are too few " +
                    "(a binary validation set needs both classes). Add labelled rows, or set train.cv_folds to validate on every row.");
        }

        return (all, best);
    }

    /// <summary>
    /// The order in which a rung's trials start (indices into <paramref name="configs"/>): longest first by their time
    /// on the previous rung, then in sampling order (the first rung, which has no times yet, keeps sampling order).
    /// </summary>
    internal static List<int> LongestFirst(IReadOnlyList<TrialConfig> configs, IReadOnlyDictionary<int, long> previous) =>
        [.. Enumerable.Range(0, configs.Count).OrderByDescending(i => previous.GetValueOrDefault(configs[i].Index)).ThenBy(i => i)];

    /// <summary>The rung's results from <paramref name="runner"/>, in the order of <paramref name="configs"/>; a missing trial is an error.</summary>
    private TrialResult[] RunElsewhere(ITrialRungRunner runner, IReadOnlyList<TrialConfig> configs, int rung, double fraction)
    {
        var byTrial = runner.Run(new TrialRung(rung, fraction, configs.Select(c => c.Index).ToList()), cancellation).ToDictionary(t => t.Trial);
        return configs.Select(c =>
        {
            var result = byTrial.TryGetValue(c.Index, out var t) && t.Rung == rung && t.Trainer == c.Trainer
                ? t with { Params = c.Params }
                : throw new InvalidOperationException($"Trial {c.Index} ({c.Trainer}) of rung {rung} came back {(t is null ? "missing" : $"as rung {t.Rung} of {t.Trainer}")} from {runner.GetType().Name}: were its inputs and params those of this run?");
            progress?.Report(result);
            return result;
        }).ToArray();
    }

    /// <summary>Orders trials best first: by metric (direction-aware, NaN last), then by trial number.</summary>
    public static List<TrialResult> Rank(IEnumerable<TrialResult> trials, string metric) =>
        trials.OrderByDescending(t => MetricNames.Goodness(metric, t.Value)).ThenBy(t => t.Trial).ToList();
}
