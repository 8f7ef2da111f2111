using Microsoft.ML;

namespace Pipeline.Ml.Training;

/// <summary>
/// The featurized training rows split for the search: one (train, validation) pair per fold (one pair for a
/// validation split), and each fold's training rows subsampled to every data fraction, all prepared up front with
/// the run seed so concurrent trials only read. A small table (<see cref="SmallTableRows"/>, with
/// <see cref="TrainOptions.AdaptToSmallTables"/>) is validated on <see cref="SmallTableFolds"/> folds and every rung
/// trains on all of a fold's rows: one 20% split of a few hundred rows validates on too few rows to rank
/// configurations, and a quarter-rung of them ranks learners by how they cope with a few dozen rows (linear models
/// survive, trees that need rows per leaf are dropped before they see the data the final model is fitted on).
/// </summary>
internal sealed class TrialData
{
    private readonly Dictionary<(int Fold, double Fraction), IDataView> subsets = [];

    /// <summary>Fewer featurized training rows than this make a small table (when <see cref="TrainOptions.AdaptToSmallTables"/>).</summary>
    public const int SmallTableRows = 1000;

    /// <summary>The folds a small table is validated on.</summary>
    public const int SmallTableFolds = 5;

    private TrialData(IDataView all, IReadOnlyList<(IDataView Train, IDataView Validation)> folds, bool small)
    {
        All = all;
        Folds = folds;
        Small = small;
    }

    /// <summary>True when the rows make a small table: <see cref="SmallTableFolds"/> folds, every rung on all rows.</summary>
    public bool Small { get; }

    /// <summary>All featurized training rows (the refit uses them).</summary>
    public IDataView All { get; }

    /// <summary>The (train, validation) pairs.</summary>
    public IReadOnlyList<(IDataView Train, IDataView Validation)> Folds { get; }

    /// <summary>Splits the featurized rows and prepares the data fractions.</summary>
    public static TrialData Prepare(MLContext ml, IDataView featurized, TrainOptions options, IEnumerable<double> fractions)
    {
        var small = options.AdaptToSmallTables && RowCountUpTo(featurized, SmallTableRows) < SmallTableRows;
        var k = small ? SmallTableFolds : options.CvFolds;
        List<(IDataView, IDataView)> folds = k >= 2
            ? ml.Data.CrossValidationSplit(featurized, k, seed: options.Seed).Select(f => (f.TrainSet, f.TestSet)).ToList()
            : [Split(ml, featurized, options.ValidationFraction, options.Seed)];
        var data = new TrialData(featurized, folds, small);
        foreach (var fraction in fractions.Distinct())
        {
            for (var f = 0; f < folds.Count; f++)
            {
                data.subsets[(f, fraction)] = data.FractionAt(fraction) >= 1 ? folds[f].Item1 : Split(ml, folds[f].Item1, 1 - fraction, options.Seed + 1).Train;
            }
        }

        return data;
    }

    /// <summary>The share of a fold's training rows a rung of <paramref name="fraction"/> trains on (all of them for a small table).</summary>
    public double FractionAt(double fraction) => Small ? 1 : fraction;

    // NOTE: stops at the limit: telling a small table needs no pass over a large one.
    private static long RowCountUpTo(IDataView view, long limit)
    {
        if (view.GetRowCount() is { } known) return known;
        using var cursor = view.GetRowCursor([]);
        var rows = 0L;
        while (rows < limit && cursor.MoveNext()) rows++;
        return rows;
    }

    /// <summary>The optional column marking featurized rows that are labelled served traffic.</summary>
    public const string TrafficColumn = "LabelledTraffic";

    /// <summary>
    /// Which validation rows (folds in order, as a trial's validation predictions are) are labelled served traffic;
    /// null when the rows carry no <see cref="TrafficColumn"/>.
    /// </summary>
    public bool[]? ValidationTraffic()
    {
        if (All.Schema.GetColumnOrNull(TrafficColumn) is null) return null;
        var marks = new List<bool>();
        foreach (var (_, validation) in Folds)
        {
            var column = validation.Schema[TrafficColumn];
            using var cursor = validation.GetRowCursor([column]);
            var get = cursor.GetGetter<bool>(column);
            var value = false;
            while (cursor.MoveNext())
            {
                get(ref value);
                marks.Add(value);
            }
        }

        return [.. marks];
    }

    /// <summary>The training rows of a fold at a data fraction.</summary>
    public IDataView TrainAt(int fold, double fraction) => subsets[(fold, fraction)];

    private static (IDataView Train, IDataView Validation) Split(MLContext ml, IDataView data, double testFraction, int seed)
    {
        if (testFraction is <= 0 or >= 1)
        {
            throw new ArgumentException($"params.yaml train.validation_fraction must be between 0 and 1 (exclusive), not {testFraction}.");
        }

        var split = ml.Data.TrainTestSplit(data, testFraction, seed: seed);
        return (split.TrainSet, split.TestSet);
    }
}
