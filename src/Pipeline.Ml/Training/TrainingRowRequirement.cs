using System.Globalization;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Training;

/// <summary>
/// The fewest training rows a binary task can be trained and validated on: the search holds out
/// <c>train.validation_fraction</c> (0.2) of the training split at random, and a validation set without one of the
/// two classes has no AUC, so every trial would score NaN. Featurize checks the split it writes (the earliest stage
/// that knows it), so tiny data fails there in one line instead of deep inside Train.
/// </summary>
internal static class TrainingRowRequirement
{
    /// <summary>Rows of each class a binary training split needs (about two in a 0.2 validation split).</summary>
    public const int MinRowsPerBinaryClass = 10;

    /// <summary>
    /// Throws an <see cref="InvalidDataException"/> naming the label, the counts and the fix when the split is too small;
    /// <paramref name="counts"/> holds the training split's rows per label value (Featurize counts them as it writes it).
    /// </summary>
    public static void Check(IReadOnlyDictionary<string, long> counts, DatasetSchema schema, long validatedRows, double testFraction)
    {
        if (schema.Task == MlTask.Regression) return;
        var classes = schema.Task == MlTask.Binary && schema.LabelClasses.Count == 2 ? schema.LabelClasses : counts.Keys.ToList();
        var needed = schema.Task == MlTask.Binary ? MinRowsPerBinaryClass : 1;
        var tooFew = classes.Count < 2 || classes.Any(c => counts.GetValueOrDefault(c) < needed);
        if (!tooFew) return;
        var got = classes.Count == 0 ? "no labelled row" : string.Join(", ", classes.Order(StringComparer.Ordinal).Select(c => $"'{c}': {counts.GetValueOrDefault(c)}"));
        var what = schema.Task == MlTask.Binary
            ? $"at least {MinRowsPerBinaryClass} rows of each class"
            : "rows of at least two classes";
        throw new InvalidDataException(
            $"Train needs {what} of label '{schema.Label}' in the training split; got {got} " +
            $"(of {validatedRows.ToString(CultureInfo.InvariantCulture)} validated rows, featurize.test_fraction {testFraction.ToString(CultureInfo.InvariantCulture)} held out for testing). " +
            "Add labelled rows, or lower featurize.test_fraction.");
    }
}
