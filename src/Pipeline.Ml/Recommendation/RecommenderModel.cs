using System.Buffers;
using System.IO.Compression;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// A fitted recommender as models/model.zip holds it: the catalogue, each known user's training items (excluded from
/// their recommendations), the chosen top-N model, popularity (the cold-start answer), with explicit ratings the
/// rating baseline, and the item side columns <c>filter</c> can select on (<see cref="ItemAttributes"/>; format 2; format 3:
/// the re-ranker's missing numeric side values are NaN, not 0). The zip has one entry, <see cref="EntryName"/>, with a fixed timestamp: the same fit gives the same bytes.
/// </summary>
public sealed class RecommenderModel
{
    /// <summary>The zip entry that marks a recommender's model file.</summary>
    public const string EntryName = "recommender.bin";

    private const int FormatVersion = 3;
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<string, int> _userIndex;
    private readonly Dictionary<string, int> _itemIndex;

    private RecommenderModel(string[] users, string[] items, int[][] seen, double[][] seenValues, IItemScorer scorer, PopularityScorer popularity, RatingBaseline? ratings, ItemAttributes attributes)
    {
        Attributes = attributes;
        Users = users;
        Items = items;
        Seen = seen;
        SeenValues = seenValues;
        Scorer = scorer;
        Popularity = popularity;
        Ratings = ratings;
        _userIndex = InteractionMatrix.Index(users);
        _itemIndex = InteractionMatrix.Index(items);
    }

    /// <summary>The known users, in ordinal order.</summary>
    public IReadOnlyList<string> Users { get; }

    /// <summary>The catalogue: the items seen in training, in ordinal order.</summary>
    public IReadOnlyList<string> Items { get; }

    /// <summary>The chosen model's name (popularity, als, itemknn).</summary>
    public string Kind => Scorer.Name;

    /// <summary>The item side columns a recommendation can be filtered on (none when the training table had none).</summary>
    public IReadOnlyList<string> ItemColumns => Attributes.Columns;

    /// <summary>True when the model predicts ratings (explicit feedback).</summary>
    public bool PredictsRatings => Ratings is not null;

    internal int[][] Seen { get; }

    internal double[][] SeenValues { get; }

    internal IItemScorer Scorer { get; }

    internal PopularityScorer Popularity { get; }

    internal RatingBaseline? Ratings { get; }

    internal ItemAttributes Attributes { get; }

    internal static RecommenderModel Create(InteractionMatrix matrix, IItemScorer scorer, bool explicitRatings, ItemAttributes? attributes = null) =>
        new(matrix.Users, matrix.Items, matrix.UserItems, matrix.UserValues, scorer, PopularityScorer.Fit(matrix), explicitRatings ? RatingBaseline.Fit(matrix) : null, attributes ?? ItemAttributes.None);

    /// <summary>The index of <paramref name="user"/>, or -1 for a user the model has not seen.</summary>
    public int UserIndex(string user) => _userIndex.GetValueOrDefault(user, -1);

    /// <summary>The index of <paramref name="item"/> in the catalogue, or -1.</summary>
    public int ItemIndex(string item) => _itemIndex.GetValueOrDefault(item, -1);

    /// <summary>
    /// Training interactions per user (by id) and per item (by id, 0 for a catalogue item no training user had): the
    /// reference monitoring compares recent traffic's user activity and item popularity with.
    /// </summary>
    public (IReadOnlyDictionary<string, int> Users, IReadOnlyDictionary<string, int> Items) TrainingCounts()
    {
        var items = new int[Items.Count];
        foreach (var seen in Seen)
        {
            foreach (var item in seen) items[item]++;
        }

        return (
            Users.Select((u, i) => KeyValuePair.Create(u, Seen[i].Length)).ToDictionary(StringComparer.Ordinal),
            Items.Select((item, i) => KeyValuePair.Create(item, items[i])).ToDictionary(StringComparer.Ordinal));
    }

    /// <summary>True when <paramref name="user"/> had <paramref name="item"/> in training.</summary>
    public bool HasSeen(int user, int item) => user >= 0 && Array.BinarySearch(Seen[user], item) >= 0;

    /// <summary>
    /// The top <paramref name="k"/> items for <paramref name="user"/>, best first (ties: catalogue order), leaving out the
    /// user's training items, <paramref name="exclude"/> and, with a <paramref name="filter"/>, the items whose side
    /// columns do not hold one of the listed values (an unknown column is an <see cref="ArgumentException"/>); an unknown
    /// user gets the popularity answer and <c>ColdStart</c> true.
    /// </summary>
    public (IReadOnlyList<RecommendedItem> Items, bool ColdStart) Recommend(string user, int k, IEnumerable<string>? exclude = null, IReadOnlyDictionary<string, IReadOnlyCollection<string>>? filter = null)
    {
        var u = UserIndex(user);
        var top = TopN(u, k, exclude?.Select(ItemIndex).Where(i => i >= 0), filter);
        return ([.. top.Select(p => new RecommendedItem(Items[p.Item], p.Score))], u < 0);
    }

    /// <summary>
    /// The top <paramref name="k"/> catalogue indices for user index <paramref name="user"/> (-1: cold start, popularity),
    /// best first, ties by catalogue order, leaving out the user's training items, <paramref name="exclude"/> and the
    /// items that do not match <paramref name="filter"/>.
    /// </summary>
    // NOTE: the request path allocates nothing catalogue-sized: the score buffer is pooled, left-out items are marked
    // NaN in it (seen items through their sorted index list, not a per-item lookup) and a k-sized heap is kept.
    internal List<(int Item, double Score)> TopN(int user, int k, IEnumerable<int>? exclude = null, IReadOnlyDictionary<string, IReadOnlyCollection<string>>? filter = null)
    {
        var n = Items.Count;
        var buffer = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var scores = buffer.AsSpan(0, n);
            if (user >= 0) Scorer.Score(user, Seen[user], SeenValues[user], scores);
            else Popularity.Score(-1, [], [], scores);
            if (user >= 0)
            {
                foreach (var i in Seen[user]) scores[i] = double.NaN;
            }

            foreach (var i in exclude ?? []) scores[i] = double.NaN;
            Attributes.LeaveOut(filter, scores);
            return TopK.Select(scores, k);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The score of each (<paramref name="users"/>[n], <paramref name="items"/>[n]) pair, the one <see cref="Recommend"/>
    /// ranks by: the top-N model's for a known user, popularity's for an unknown one; NaN for an item outside the catalogue.
    /// Each distinct user is scored once.
    /// </summary>
    public double[] Score(IReadOnlyList<string> users, IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(items);
        if (users.Count != items.Count) throw new ArgumentException($"{users.Count} users but {items.Count} items: one user per item.", nameof(items));
        var result = new double[users.Count];
        var scores = new double[Items.Count];
        foreach (var group in Enumerable.Range(0, users.Count).GroupBy(n => users[n], StringComparer.Ordinal))
        {
            var u = UserIndex(group.Key);
            if (u >= 0) Scorer.Score(u, Seen[u], SeenValues[u], scores);
            else Popularity.Score(-1, [], [], scores);
            foreach (var n in group) result[n] = ItemIndex(items[n]) is var i and >= 0 ? scores[i] : double.NaN;
        }

        return result;
    }

    /// <summary>The predicted rating of (<paramref name="user"/>, <paramref name="item"/>), or NaN when the model has no rating predictor.</summary>
    public double PredictRating(string user, string item) => Ratings?.Predict(UserIndex(user), ItemIndex(item)) ?? double.NaN;

    /// <summary>True when <paramref name="path"/> is a recommender's model file (a zip with <see cref="EntryName"/>).</summary>
    public static bool IsRecommender(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return zip.GetEntry(EntryName) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Writes the model file atomically.</summary>
    public void Save(string path)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry(EntryName, CompressionLevel.Optimal);
            entry.LastWriteTime = EntryTime;
            using var stream = entry.Open();
            using var writer = new BinaryWriter(stream);
            writer.Write(FormatVersion);
            writer.Write(Scorer.Name);
            ModelBinary.WriteStrings(writer, [.. Users]);
            ModelBinary.WriteStrings(writer, [.. Items]);
            for (var u = 0; u < Seen.Length; u++)
            {
                ModelBinary.WriteInts(writer, Seen[u]);
                ModelBinary.WriteDoubles(writer, SeenValues[u]);
            }

            Popularity.Write(writer);
            Scorer.Write(writer);
            writer.Write(Ratings is not null);
            Ratings?.Write(writer);
            Attributes.Write(writer);
        }

        Pipeline.Formats.IO.AtomicFile.WriteAllBytes(path, buffer.ToArray());
    }

    /// <summary>Reads a model file <see cref="Save"/> wrote; anything else is an <see cref="InvalidDataException"/> naming the file.</summary>
    public static RecommenderModel Load(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.GetEntry(EntryName) ?? throw new InvalidDataException($"{path} is not a recommender model (no {EntryName} entry); train it with data.task: recommendation.");
        using var stream = entry.Open();
        using var reader = new BinaryReader(stream);
        // NOTE: formats 1 (before item side columns) and 2 (0 for a missing numeric side value) are still read, so a
        // registered model keeps serving as it was trained.
        if (reader.ReadInt32() is var version && version is not (1 or 2 or FormatVersion)) throw new InvalidDataException($"{path} is recommender format {version}; this build reads formats 1 to {FormatVersion}. Retrain the model.");
        var kind = reader.ReadString();
        var users = ModelBinary.ReadStrings(reader);
        var items = ModelBinary.ReadStrings(reader);
        var seen = new int[users.Length][];
        var values = new double[users.Length][];
        for (var u = 0; u < users.Length; u++)
        {
            seen[u] = ModelBinary.ReadInts(reader);
            values[u] = ModelBinary.ReadDoubles(reader);
        }

        var popularity = PopularityScorer.Read(reader);
        var scorer = ScorerFile.Read(kind, reader) ?? throw new InvalidDataException($"{path} holds an unknown recommender '{kind}'.");
        if (version < 3 && scorer is LambdaRankScorer reranker) scorer = reranker.With(reranker.Features.ZerosAsMissing());
        var ratings = reader.ReadBoolean() ? RatingBaseline.Read(reader) : null;
        var attributes = version >= 2 ? ItemAttributes.Read(reader) : ItemAttributes.None;
        return new RecommenderModel(users, items, seen, values, scorer, popularity, ratings, attributes);
    }
}
