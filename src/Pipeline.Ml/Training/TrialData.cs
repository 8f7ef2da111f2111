using Microsoft.ML;

namespace Pipeline.Ml.Training;

/// <summary>
/// The featurized training rows split for the search: one (train, validation) pair per fold (one pair for a
/// validation split), and each fold's training rows subsampled to every data fraction, all prepared up front with
/// the run seed so concurrent trials only read.
/// </summary>
internal sealed class TrialData
{
    private readonly Dictionary<(int Fold, double Fraction), IDataView> subsets = [];

    private TrialData(IDataView all, IReadOnlyList<(IDataView Train, IDataView Validation)> folds)
    {
        All = all;
        Folds = folds;
    }

    /// <summary>All featurized training rows (the refit uses them).</summary>
    public IDataView All { get; }

    /// <summary>The (train, validation) pairs.</summary>
    public IReadOnlyList<(IDataView Train, IDataView Validation)> Folds { get; }

    /// <summary>Splits the featurized rows and prepares the data fractions.</summary>
    public static TrialData Prepare(MLContext ml, IDataView featurized, TrainOptions options, IEnumerable<double> fractions)
    {
        List<(IDataView, IDataView)> folds = options.CvFolds >= 2
            ? ml.Data.CrossValidationSplit(featurized, options.CvFolds, seed: options.Seed).Select(f => (f.TrainSet, f.TestSet)).ToList()
            : [Split(ml, featurized, options.ValidationFraction, options.Seed)];
        var data = new TrialData(featurized, folds);
        foreach (var fraction in fractions.Distinct())
        {
            for (var f = 0; f < folds.Count; f++)
            {
                data.subsets[(f, fraction)] = fraction >= 1 ? folds[f].Item1 : Split(ml, folds[f].Item1, 1 - fraction, options.Seed + 1).Train;
            }
        }

        return data;
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
