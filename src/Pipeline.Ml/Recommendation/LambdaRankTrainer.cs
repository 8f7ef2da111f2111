using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// Trains the re-ranker's ensemble: for each user of <c>heldOut</c> whom the base model knows, the base model's
/// candidates are one query group, labelled 1 when the user's held-out interaction with the item is relevant (rating ≥
/// <c>evaluate.relevant_at</c>, or any for implicit feedback) and 0 otherwise; groups without a relevant candidate teach
/// nothing and are left out. LightGBM's LambdaRank (ML.NET) on one thread with a fixed seed: the same rows give the same trees.
/// </summary>
internal static class LambdaRankTrainer
{
    /// <summary>The ensemble trained on <paramref name="heldOut"/>, or null when no group has a relevant candidate.</summary>
    public static TreeEnsemble? Train(LambdaRankScorer untrained, InteractionMatrix matrix, IReadOnlyList<Interaction> heldOut, bool explicitRatings, double relevantAt, IReadOnlyDictionary<string, double> hyper, int seed, CancellationToken cancellation)
    {
        var rows = Rows(untrained, matrix, heldOut, explicitRatings, relevantAt, cancellation);
        return rows.Count == 0 ? null : Fit(rows, untrained.Features.Count, hyper, seed).Trees;
    }

    /// <summary>One row per (group, candidate), groups in user order.</summary>
    internal static List<RankRow> Rows(LambdaRankScorer untrained, InteractionMatrix matrix, IReadOnlyList<Interaction> heldOut, bool explicitRatings, double relevantAt, CancellationToken cancellation)
    {
        var userIndex = InteractionMatrix.Index(matrix.Users);
        var itemIndex = InteractionMatrix.Index(matrix.Items);
        var scores = new double[matrix.Items.Length];
        var rows = new List<RankRow>();
        var f = untrained.Features.Count;
        uint group = 0;
        foreach (var held in heldOut.GroupBy(x => x.User, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            cancellation.ThrowIfCancellationRequested();
            if (!userIndex.TryGetValue(held.Key, out var u)) continue;
            var relevant = held.Where(x => !explicitRatings || x.Rating >= relevantAt).Select(x => itemIndex.GetValueOrDefault(x.Item, -1)).Where(i => i >= 0).ToHashSet();
            if (relevant.Count == 0) continue;
            untrained.Base.Score(u, matrix.UserItems[u], matrix.UserValues[u], scores);
            var picked = untrained.Pick(matrix.UserItems[u], scores);
            if (!picked.Exists(p => relevant.Contains(p.Item))) continue;
            var features = new float[picked.Count * f];
            untrained.Features.Compute(u, matrix.UserItems[u], matrix.UserValues[u], picked, features);
            for (var n = 0; n < picked.Count; n++)
            {
                rows.Add(new RankRow { Label = relevant.Contains(picked[n].Item) ? 1 : 0, Group = group, Features = features[(n * f)..((n + 1) * f)] });
            }

            group++;
        }

        return rows;
    }

    /// <summary>LightGBM LambdaRank on <paramref name="rows"/>: the ensemble and ML.NET's own model (whose scores the ensemble reproduces).</summary>
    internal static (TreeEnsemble Trees, ITransformer Model, IDataView Data) Fit(List<RankRow> rows, int featureCount, IReadOnlyDictionary<string, double> hyper, int seed)
    {
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(RankRow));
        schema[nameof(RankRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        var data = ml.Transforms.Conversion.MapValueToKey("GroupKey", nameof(RankRow.Group)).Fit(ml.Data.LoadFromEnumerable(rows, schema)).Transform(ml.Data.LoadFromEnumerable(rows, schema));
        var trainer = ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
        {
            LabelColumnName = nameof(RankRow.Label),
            FeatureColumnName = nameof(RankRow.Features),
            RowGroupColumnName = "GroupKey",
            NumberOfIterations = (int)hyper["trees"],
            NumberOfLeaves = (int)hyper["leaves"],
            LearningRate = hyper["learning_rate"],
            MinimumExampleCountPerLeaf = 20,
            NumberOfThreads = 1,
            Seed = seed,
            Deterministic = true,
            Silent = true,
        });
        var model = trainer.Fit(data);
        return (TreeEnsemble.From(model.Model.TrainedTreeEnsemble), model, data);
    }

    /// <summary>One candidate of one query group.</summary>
    internal sealed class RankRow
    {
        public float Label { get; set; }

        public uint Group { get; set; }

        public float[] Features { get; set; } = [];
    }
}
