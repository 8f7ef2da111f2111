using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Training;

/// <summary>
/// Class-stratified validation for classification: each class's rows, shuffled with the run seed, are dealt to the
/// folds in turn (or the validation fraction of each class goes to the one validation split), so every validation
/// part holds the classes in their training proportions, as Featurize's train/test split does. ML.NET's splits are
/// not stratified: a 20% split of a table with a rare class can hold a handful of its rows, or none.
/// </summary>
internal static class StratifiedFolds
{
    /// <summary>
    /// The (train, validation) pairs: <paramref name="k"/> folds when k ≥ 2, else one split that validates on
    /// <paramref name="validationFraction"/> of each class.
    /// </summary>
    public static List<(IDataView Train, IDataView Validation)> Split(IDataView data, int k, double validationFraction, int seed)
    {
        var classes = Classes(data);
        var folds = new int[classes.Length];
        var random = new Random(seed);
        var dealt = 0;
        foreach (var rows in Enumerable.Range(0, classes.Length).GroupBy(i => classes[i]).OrderBy(g => g.Key).Select(g => g.ToArray()))
        {
            random.Shuffle(rows);
            var validationRows = (int)Math.Round(rows.Length * validationFraction, MidpointRounding.AwayFromZero);
            for (var j = 0; j < rows.Length; j++)
            {
                folds[rows[j]] = k >= 2 ? (dealt + j) % k : j < validationRows ? 0 : 1;
            }

            dealt += rows.Length;
        }

        return [.. Enumerable.Range(0, Math.Max(k, 1)).Select(f => ((IDataView)new FoldRows(data, folds, f, validation: false), (IDataView)new FoldRows(data, folds, f, validation: true)))];
    }

    // NOTE: the label of a binary task is Boolean, of a multiclass task a key (Featurize checked the type).
    private static uint[] Classes(IDataView data)
    {
        var label = data.Schema["Label"];
        var classes = new List<uint>();
        using var cursor = data.GetRowCursor([label]);
        if (label.Type == BooleanDataViewType.Instance)
        {
            var get = cursor.GetGetter<bool>(label);
            var value = false;
            while (cursor.MoveNext())
            {
                get(ref value);
                classes.Add(value ? 1u : 0u);
            }
        }
        else
        {
            var get = cursor.GetGetter<uint>(label);
            var value = 0u;
            while (cursor.MoveNext())
            {
                get(ref value);
                classes.Add(value);
            }
        }

        return [.. classes];
    }

    /// <summary>True for the tasks whose validation is stratified.</summary>
    public static bool Applies(MlTask task) => task is MlTask.Binary or MlTask.Multiclass;
}
