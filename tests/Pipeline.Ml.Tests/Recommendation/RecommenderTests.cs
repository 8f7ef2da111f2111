using Pipeline.Ml.Recommendation;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Tests.Recommendation;

public sealed class RecommenderTests : IDisposable
{
    private static readonly RecommendationColumns Columns = new("user_id", "item_id", "rating", "timestamp");
    private readonly TestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static InteractionMatrix Matrix(params (string User, string Item)[] pairs) =>
        InteractionMatrix.Build(pairs.Select((p, i) => new Interaction(p.User, p.Item, 1, i, i)));

    /// <summary>Users 0-9 like items a0-a4 (each user all but one), users 10-19 like b0-b4.</summary>
    private static InteractionMatrix TwoTastes()
    {
        var pairs = new List<(string, string)>();
        for (var u = 0; u < 20; u++)
        {
            var group = u < 10 ? "a" : "b";
            for (var i = 0; i < 5; i++) if (i != u % 5) pairs.Add(($"u{u}", $"{group}{i}"));
        }

        return Matrix([.. pairs]);
    }

    [Fact]
    public void Train_OnlySingleInteractionUsers_IsOneLineSayingWhyAndWhatIsNeeded()
    {
        var csv = _dir.Write("single.csv", "user_id,item_id,rating,timestamp\nu1,a,5,1\nu2,b,4,2\nu3,a,3,3\n");

        var e = Assert.Throws<InvalidDataException>(() => RecommenderTrainer.Run(csv, Columns, new RecommenderTrainOptions { Models = [PopularityScorer.Kind], Budget = 1, Seed = 7 }, new TrainOutputs(_dir.Path("m/model.zip"), _dir.Path("m/trials.csv"))));

        Assert.Equal("single.csv: no user has two training interactions, so there is nothing to validate the search on. Recommendation needs users with several interactions.", e.Message);
        Assert.False(File.Exists(_dir.Path("m/model.zip")));
    }

    [Fact]
    public void Popularity_RanksByUsersAndExcludesSeenItems()
    {
        // a: 3 users, b: 2, c: 1. u3 has seen a, so gets b then c.
        var m = Matrix(("u1", "a"), ("u2", "a"), ("u3", "a"), ("u1", "b"), ("u2", "b"), ("u1", "c"));
        var model = RecommenderModel.Create(m, PopularityScorer.Fit(m), explicitRatings: false);

        var (items, cold) = model.Recommend("u3", 5);

        Assert.False(cold);
        Assert.Equal(["b", "c"], items.Select(i => i.Item));
        Assert.Equal([2.0, 1.0], items.Select(i => i.Score));
        Assert.Equal(["a", "b"], model.Recommend("stranger", 2).Items.Select(i => i.Item));
        Assert.True(model.Recommend("stranger", 2).ColdStart);
    }

    [Fact]
    public void ItemKnn_ScoresByCosineSimilarityToTheUsersItems()
    {
        // Users of a: {u1, u2}; of b: {u1, u2}; of c: {u3}; of d: {u2, u4}.
        // cos(a, b) = 2 / √(2·2) = 1; cos(a, d) = 1 / √(2·2) = 0.5; c shares no user with a.
        // u4 has seen only d: neighbours of d are a (0.5) and b (0.5) → scores a 0.5, b 0.5, c 0.
        var m = Matrix(("u1", "a"), ("u1", "b"), ("u2", "a"), ("u2", "b"), ("u2", "d"), ("u3", "c"), ("u4", "d"));
        var model = RecommenderModel.Create(m, ItemKnnScorer.Fit(m, neighbours: 10, shrink: 0), explicitRatings: false);

        var items = model.Recommend("u4", 3).Items;

        Assert.Equal(["a", "b", "c"], items.Select(i => i.Item));
        Assert.Equal([0.5, 0.5, 0.0], items.Select(i => i.Score));
    }

    [Fact]
    public void Als_OnTwoDisjointTastes_RanksTheUsersOwnGroupFirst()
    {
        // Users 0-9 like items a0-a4 (each user all but one), users 10-19 like b0-b4: the held-out item of the
        // user's own group must outrank every item of the other group.
        var m = TwoTastes();
        var model = RecommenderModel.Create(m, AlsScorer.Fit(m, factors: 4, regularization: 0.1, alpha: 5, iterations: 10, seed: 1), explicitRatings: false);

        Assert.Equal("a3", model.Recommend("u3", 1).Items[0].Item);
        Assert.Equal("b2", model.Recommend("u12", 1).Items[0].Item);
    }

    [Fact]
    public void Train_SameDataAndSeed_WritesByteIdenticalModelAndBeatsPopularityOnStructuredData_ReportingEachTrial()
    {
        var csv = _dir.Write("ratings.csv", SyntheticRatings.Csv(users: 150, items: 120, groups: 6, seed: 5));
        var split = UserSplit.Split(InteractionTable.Read(csv, Columns).Interactions, seed: 42);
        var table = InteractionTable.Read(csv, Columns);
        var train = _dir.Path("train.csv");
        using (var w = new Pipeline.Formats.Csv.CsvSnapshotWriter(train, table.Header))
        {
            foreach (var x in split.Train) w.WriteRow(table.Rows[x.Row]);
            w.Complete();
        }

        var options = new RecommenderTrainOptions { Budget = 2, Seed = 7 };
        var first = RecommenderTrainer.Run(train, Columns, options, new TrainOutputs(_dir.Path("a/model.zip"), _dir.Path("a/trials.csv")));
        Directory.CreateDirectory(_dir.Path("b"));
        var statuses = new Collected<RecommenderSearchStatus>();
        RecommenderTrainer.Run(train, Columns, options, new TrainOutputs(_dir.Path("b/model.zip"), _dir.Path("b/trials.csv")), statuses);

        Assert.Equal(File.ReadAllBytes(_dir.Path("a/model.zip")), File.ReadAllBytes(_dir.Path("b/model.zip")));
        Assert.Equal(File.ReadAllBytes(_dir.Path("a/trials.csv")), File.ReadAllBytes(_dir.Path("b/trials.csv")));
        Assert.Equal(9, first.Trials.Count); // popularity + 2 als + 2 itemknn + 2 puresvd + 2 ease; no side columns: no lambdarank
        var popularity = first.Trials.Single(t => t.Config.Model == PopularityScorer.Kind).Scores.Ndcg;
        Assert.NotEqual(PopularityScorer.Kind, first.Best.Config.Model);
        Assert.True(first.Best.Scores.Ndcg > popularity, $"best {first.Best.Config.Model} {first.Best.Scores.Ndcg} vs popularity {popularity}");
        var loaded = RecommenderModel.Load(_dir.Path("a/model.zip"));
        Assert.Equal(first.Best.Config.Model, loaded.Kind);
        Assert.True(loaded.PredictsRatings);
        Assert.True(RecommenderModel.IsRecommender(_dir.Path("a/model.zip")));
        // NOTE: the progress: every trial as it is scored, of all 9, the best so far never worse, ending on the chosen one.
        Assert.Equal(Enumerable.Range(1, 9), statuses.Items.Select(s => s.Done));
        Assert.All(statuses.Items, s => Assert.Equal(9, s.Total));
        Assert.Equal(first.Trials.Select(t => t.Trial), statuses.Items.Select(s => s.Last.Trial));
        Assert.True(statuses.Items.Zip(statuses.Items.Skip(1)).All(p => p.Second.Best.Scores.Ndcg >= p.First.Best.Scores.Ndcg));
        Assert.Equal(first.Best.Trial, statuses.Items[^1].Best.Trial);
        Assert.Matches(@"^ndcg_at_10 0\.\d{4} \(\w+, trial \d\)$", statuses.Items[^1].BestText);
        Assert.Matches(@"^trial 8 \(\w+\): ndcg_at_10 0\.\d{4}$", statuses.Items[^1].LastText);
    }

    /// <summary>An <see cref="IProgress{T}"/> that keeps what it hears, in order, on the reporting thread.</summary>
    private sealed class Collected<T> : IProgress<T>
    {
        public List<T> Items { get; } = [];

        public void Report(T value) => Items.Add(value);
    }

    [Fact]
    public void PureSvd_OnTwoDisjointTastes_RanksTheUsersOwnGroupFirstAndRoundTrips()
    {
        var m = TwoTastes();
        var model = RecommenderModel.Create(m, PureSvdScorer.Fit(m, factors: 2, seed: 1), explicitRatings: false);
        model.Save(_dir.Path("svd.zip"));
        var loaded = RecommenderModel.Load(_dir.Path("svd.zip"));

        Assert.Equal("a3", model.Recommend("u3", 1).Items[0].Item);
        Assert.Equal("b2", model.Recommend("u12", 1).Items[0].Item);
        Assert.Equal(PureSvdScorer.Kind, loaded.Kind);
        Assert.Equal(model.Recommend("u12", 5).Items, loaded.Recommend("u12", 5).Items);
    }

    [Fact]
    public void Ease_OnTwoDisjointTastes_RanksTheUsersOwnGroupFirstAndRoundTrips()
    {
        var m = TwoTastes();
        var model = RecommenderModel.Create(m, EaseScorer.Fit(m, lambda: 1), explicitRatings: false);
        model.Save(_dir.Path("ease.zip"));
        var loaded = RecommenderModel.Load(_dir.Path("ease.zip"));

        Assert.Equal("a3", model.Recommend("u3", 1).Items[0].Item);
        Assert.Equal("b2", model.Recommend("u12", 1).Items[0].Item);
        Assert.Equal(EaseScorer.Kind, loaded.Kind);
        Assert.Equal(model.Recommend("u12", 5).Items, loaded.Recommend("u12", 5).Items);
    }

    [Fact]
    public void Train_ItemSideColumns_AreKeptForFilterAndColumnsThatVaryWithinAnItemAreNot()
    {
        // genre is constant per item; mood changes within item a.
        var csv = _dir.Write("side.csv", "user_id,item_id,rating,timestamp,genre,mood\nu1,a,5,1,x,1\nu1,b,4,2,y,1\nu1,c,2,3,x,2\nu2,a,4,1,x,2\nu2,c,5,2,x,2\nu2,d,3,3,y,1\nu3,b,5,1,y,1\nu3,d,4,2,y,2\n");

        RecommenderTrainer.Run(csv, Columns, new RecommenderTrainOptions { Models = [PopularityScorer.Kind], Budget = 1, Seed = 7 }, new TrainOutputs(_dir.Path("m/model.zip"), _dir.Path("m/trials.csv")));
        var model = RecommenderModel.Load(_dir.Path("m/model.zip"));

        Assert.Equal(["genre"], model.ItemColumns);
        var filter = new Dictionary<string, IReadOnlyCollection<string>> { ["genre"] = ["y"] };
        Assert.Equal(["b", "d"], model.Recommend("stranger", 5, null, filter).Items.Select(i => i.Item));
        Assert.Equal(["d"], model.Recommend("stranger", 5, ["b"], filter).Items.Select(i => i.Item));
        var e = Assert.Throws<ArgumentException>(() => model.Recommend("u1", 5, null, new Dictionary<string, IReadOnlyCollection<string>> { ["mood"] = ["1"] }));
        Assert.Equal("filter: 'mood' is not an item column of this model; it has: genre.", e.Message);
    }

    [Fact]
    public void Score_Pairs_AreTheScoresRecommendRanksBy()
    {
        var m = Matrix(("u1", "a"), ("u2", "a"), ("u3", "a"), ("u1", "b"), ("u2", "b"), ("u1", "c"), ("u4", "c"));
        var model = RecommenderModel.Create(m, ItemKnnScorer.Fit(m, neighbours: 10, shrink: 0), explicitRatings: false);
        var top = model.Recommend("u4", 2).Items;

        var scores = model.Score(["u4", "u4", "stranger", "u4"], [top[0].Item, top[1].Item, "a", "zz"]);

        Assert.Equal([top[0].Score, top[1].Score, 3.0], scores[..3]);
        Assert.True(double.IsNaN(scores[3]));
    }

    [Theory]
    [InlineData("1,0,1,1", false)]
    [InlineData("4,5,5,4", true)]
    [InlineData("1,1,1,1", false)]
    public void Read_ZeroOneLabelIsImplicitAndAnyOtherValueExplicit(string ratings, bool isExplicit)
    {
        var values = ratings.Split(',');
        var csv = _dir.Write("r.csv", "user_id,item_id,rating,timestamp\n" + string.Concat(values.Select((v, i) => $"u{i % 2},i{i},{v},{i}\n")));

        Assert.Equal(isExplicit, InteractionTable.Read(csv, Columns).IsExplicit);
    }

    [Fact]
    public void TrainAndEvaluate_ImplicitFeedbackWithoutALabel_RanksButWritesNoRatingMetrics()
    {
        var lines = SyntheticRatings.Csv(users: 80, items: 60, groups: 4, seed: 9).TrimEnd('\n').Split('\n');
        var csv = _dir.Write("implicit.csv", string.Join('\n', lines.Select(l => l.Split(',')).Select(f => $"{f[0]},{f[1]},{f[3]}")) + "\n");
        var columns = Columns with { Rating = null };
        var table = InteractionTable.Read(csv, columns);
        var split = UserSplit.Split(table.Interactions, seed: 42);
        var train = WriteRows("train.csv", table, split.Train);
        var test = WriteRows("test.csv", table, split.Test);

        RecommenderTrainer.Run(train, columns, new RecommenderTrainOptions { Budget = 1, Seed = 7 }, new TrainOutputs(_dir.Path("i/model.zip"), _dir.Path("i/trials.csv")));
        RecommendationEvaluator.Run(new RecommendationEvaluatorOptions(_dir.Path("i/model.zip"), test, columns, _dir.Path("i/metrics.json")));

        Assert.False(table.IsExplicit);
        Assert.False(RecommenderModel.Load(_dir.Path("i/model.zip")).PredictsRatings);
        using var metrics = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_dir.Path("i/metrics.json")));
        Assert.True(metrics.RootElement.GetProperty("ndcg_at_10").GetDouble() > 0);
        Assert.False(metrics.RootElement.TryGetProperty("rmse", out _));
        Assert.False(metrics.RootElement.TryGetProperty("mae", out _));
    }

    private string WriteRows(string name, InteractionTable table, IReadOnlyList<Interaction> rows)
    {
        using var w = new Pipeline.Formats.Csv.CsvSnapshotWriter(_dir.Path(name), table.Header);
        foreach (var x in rows) w.WriteRow(table.Rows[x.Row]);
        w.Complete();
        return _dir.Path(name);
    }

    [Fact]
    public void Read_RatingThatIsNotANumber_IsOneLineNamingTheColumnAndRow()
    {
        var csv = _dir.Write("bad.csv", "user_id,item_id,rating,timestamp\nu1,a,5,1\nu1,b,five,2\n");

        var e = Assert.Throws<InvalidDataException>(() => InteractionTable.Read(csv, Columns));

        Assert.Equal("bad.csv line 3: the rating column 'rating' holds 'five', not a number; ratings must be numbers (for implicit feedback, 1 per interaction).", e.Message);
    }

    [Fact]
    public void Read_MissingItemColumn_NamesTheKeyAndTheColumns()
    {
        var csv = _dir.Write("bad.csv", "user_id,movie,rating\nu1,a,5\n");

        var e = Assert.Throws<InvalidDataException>(() => InteractionTable.Read(csv, Columns with { Time = null }));

        Assert.Equal("bad.csv has no column 'item_id' (data.item); set data.item to one of: user_id, movie, rating.", e.Message);
    }
}
