using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Ml.Data;

namespace Pipeline.Serving.Models;

/// <summary>
/// One single-threaded scorer: a row-to-row mapper of the model bound to its own <see cref="RequestRow"/>, with the
/// output getters fetched once. Not thread-safe; <see cref="ServedModel"/> pools them.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Its RequestRow holds managed buffers only (DataViewRow's Dispose does nothing for it); the engine lives in its model's pool.")]
internal sealed class ScoringEngine
{
    private readonly RequestRow input;
    private readonly FeatureSchema features;
    private readonly MlTask task;
    private readonly double threshold;
    private readonly ValueGetter<float>? probability;
    private readonly ValueGetter<float>? score;
    private readonly ValueGetter<VBuffer<float>>? scores;
    private readonly IReadOnlyList<string> classes;
    private VBuffer<float> buffer;

    public ScoringEngine(ITransformer model, FeatureSchema features, MlTask task, double threshold, IReadOnlyList<string> classes)
    {
        this.features = features;
        this.task = task;
        this.threshold = threshold;
        this.classes = classes;
        input = new RequestRow(features.InputSchema);
        var mapper = model.GetRowToRowMapper(features.InputSchema);
        var output = mapper.OutputSchema;
        var probabilityColumn = task == MlTask.Binary ? output.GetColumnOrNull("Probability") : null;
        var scoreColumn = output.GetColumnOrNull("Score") ?? throw new InvalidDataException("The model has no 'Score' output column.");
        var active = new[] { scoreColumn }.Concat(probabilityColumn is { } p ? [p] : []).ToArray();
        var row = mapper.GetRow(input, active);
        if (task == MlTask.Multiclass)
        {
            scores = row.GetGetter<VBuffer<float>>(scoreColumn);
        }
        else
        {
            score = row.GetGetter<float>(scoreColumn);
            probability = probabilityColumn is { } pc ? row.GetGetter<float>(pc) : null;
        }
    }

    /// <summary>Scores one row (values in feature order, already validated).</summary>
    public Prediction Score(object?[] values)
    {
        input.Load(features.Columns, values);
        if (scores is not null)
        {
            scores(ref buffer);
            var all = buffer.DenseValues().ToArray();
            var best = 0;
            for (var i = 1; i < all.Length; i++)
            {
                best = all[i] > all[best] ? i : best;
            }

            return new Prediction(all.Length == 0 ? float.NaN : all[best], null, best < classes.Count ? classes[best] : best.ToString(System.Globalization.CultureInfo.InvariantCulture), all);
        }

        var value = 0f;
        if (probability is not null)
        {
            probability(ref value);
        }
        else
        {
            score!(ref value);
            value = task == MlTask.Binary ? (float)(1 / (1 + Math.Exp(-value))) : value;
        }

        return task == MlTask.Binary ? new Prediction(value, value >= threshold, null, null) : new Prediction(value, null, null, null);
    }
}
