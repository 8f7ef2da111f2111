using Pipeline.Formats.Params;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Training;

/// <summary>How one trainer list serves every task: names mapped to their counterpart, or skipped with a reason.</summary>
internal static partial class TrainerCatalog
{
    // NOTE: ML.NET has no least-squares L-BFGS regression trainer; LbfgsPoissonRegression fits a Poisson (log-link)
    // model of counts, a different objective, so it is not offered as 'lbfgs'.
    private const string NoLbfgsRegression =
        "ML.NET has no L-BFGS least-squares regression trainer (LbfgsPoissonRegression fits a Poisson count model, not an equivalent)";

    private static readonly Dictionary<(MlTask, string), string> Counterparts = new()
    {
        [(MlTask.Multiclass, "sdca")] = "sdca_maxent",
        [(MlTask.Multiclass, "lbfgs")] = "lbfgs_maxent",
        [(MlTask.Binary, "sdca_maxent")] = "sdca",
        [(MlTask.Binary, "lbfgs_maxent")] = "lbfgs",
        [(MlTask.Regression, "sdca_maxent")] = "sdca",
    };

    /// <summary>
    /// Resolves listed trainer names for <paramref name="task"/>: a catalogue name is kept, a name of another task is
    /// mapped to this task's counterpart (sdca → sdca_maxent for multiclass …) or skipped with a note when there is
    /// none (lbfgs for regression). Throws when a name is no task's trainer, or when no listed name applies.
    /// </summary>
    public static TrainerSelection Resolve(MlTask task, IReadOnlyList<string> names)
    {
        var trainers = new List<string>();
        var notes = new List<string>();
        foreach (var listed in names)
        {
            var name = listed.Trim().ToLowerInvariant();
            if (Names(task).Contains(name)) trainers.Add(name);
            else if (Counterparts.TryGetValue((task, name), out var counterpart))
            {
                trainers.Add(counterpart);
                notes.Add($"Trainer '{name}' is '{counterpart}' for a {Lower(task)} task.");
            }
            else if (AllNames.Contains(name))
                notes.Add($"Trainer '{name}' skipped: {(task == MlTask.Regression && name.StartsWith("lbfgs", StringComparison.Ordinal) ? NoLbfgsRegression : $"it has no {Lower(task)} counterpart")}.");
            else
                throw new ParamException($"Unknown trainer '{listed}' in params.yaml train.trainers. Known trainers: {string.Join(", ", AllNames)}; for a {Lower(task)} task: {string.Join(", ", Names(task))}.");
        }
        if (names.Count > 0 && trainers.Count == 0)
            throw new ParamException($"No trainer in params.yaml train.trainers ({string.Join(", ", names)}) applies to a {Lower(task)} task. Trainers for {Lower(task)}: {string.Join(", ", Names(task))}.");
        return new TrainerSelection(names.Count == 0 ? Names(task) : trainers.Distinct().ToList(), notes);
    }

    private static IReadOnlyList<string> AllNames =>
        [.. Enum.GetValues<MlTask>().SelectMany(Names).Concat(Counterparts.Keys.Select(k => k.Item2)).Distinct().Order(StringComparer.Ordinal)];

    private static string Lower(MlTask task) => task.ToString().ToLowerInvariant();
}
