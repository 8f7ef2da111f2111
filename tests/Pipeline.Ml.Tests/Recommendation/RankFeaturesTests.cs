using Pipeline.Ml.Recommendation;

namespace Pipeline.Ml.Tests.Recommendation;

/// <summary>The re-ranker's features of one (user, candidate): numeric item columns, where 0 is a value and "" is missing.</summary>
public sealed class RankFeaturesTests : IDisposable
{
    private static readonly RecommendationColumns Columns = new("user_id", "item_id", null, null);
    private readonly TestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    // NOTE: the features after the 7 base ones: price's value and its distance from the mean over the user's items.
    private const int Value = 7;
    private const int Distance = 8;

    [Fact]
    public void Compute_NumericItemColumnWithZeros_ZeroCountsInTheUsersMean_MissingDoesNot()
    {
        // u1 has seen a (price 0), b (0), c (3) and e (no price): their mean price is 1, not 3 (zeros are prices).
        var (features, matrix) = Build("""
            user_id,item_id,price
            u1,a,0
            u1,b,0
            u1,c,3
            u1,e,
            u2,d,0
            u2,f,6
            u2,e,
            """);
        var u1 = Array.IndexOf(matrix.Users, "u1");
        var (d, f, e) = (Array.IndexOf(matrix.Items, "d"), Array.IndexOf(matrix.Items, "f"), Array.IndexOf(matrix.Items, "e"));
        var rows = new float[3 * features.Count];

        features.Compute(u1, matrix.UserItems[u1], matrix.UserValues[u1], [(d, 0.9), (f, 0.5), (e, 0.1)], rows);

        (float, float) At(int n) => (rows[(n * features.Count) + Value], rows[(n * features.Count) + Distance]);
        Assert.Equal((0f, 1f), At(0));
        Assert.Equal((6f, 5f), At(1));
        Assert.Equal((0f, 0f), At(2));
    }

    [Fact]
    public void ZerosAsMissing_AsAFormat2ModelFileStoredThem_ComputesTheFeaturesSuchAModelWasTrainedOn()
    {
        var (features, matrix) = Build("user_id,item_id,price\nu1,a,0\nu1,b,0\nu1,c,3\nu2,d,0\nu2,f,6\n");
        var u1 = Array.IndexOf(matrix.Users, "u1");
        var rows = new float[2 * features.Count];

        features.ZerosAsMissing().Compute(u1, matrix.UserItems[u1], matrix.UserValues[u1], [(Array.IndexOf(matrix.Items, "d"), 0.9), (Array.IndexOf(matrix.Items, "f"), 0.5)], rows);

        // NOTE: format 2 read 0 as missing: u1's mean price was 3 (c's alone), and d (0) had no distance.
        Assert.Equal((0f, 0f), (rows[Value], rows[Distance]));
        Assert.Equal((6f, 3f), (rows[features.Count + Value], rows[features.Count + Distance]));
    }

    [Fact]
    public void Write_ThenRead_ComputesTheSameFeatures()
    {
        var (features, matrix) = Build("user_id,item_id,price\nu1,a,0\nu1,b,4\nu2,c,\nu2,a,0\n");
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) features.Write(writer);
        buffer.Position = 0;
        using var reader = new BinaryReader(buffer);

        var read = RankFeatures.Read(reader);

        var (expected, actual) = (new float[features.Count], new float[read.Count]);
        var c = Array.IndexOf(matrix.Items, "c");
        features.Compute(0, matrix.UserItems[0], matrix.UserValues[0], [(c, 1.0)], expected);
        read.Compute(0, matrix.UserItems[0], matrix.UserValues[0], [(c, 1.0)], actual);
        Assert.Equal(expected, actual);
    }

    private (RankFeatures Features, InteractionMatrix Matrix) Build(string csv)
    {
        var table = InteractionTable.Read(_dir.Write("side.csv", csv.Replace("\r", "", StringComparison.Ordinal) + "\n"), Columns);
        var matrix = InteractionMatrix.Build(table.Interactions);
        return (RankFeatures.Build(table, Columns, matrix)!, matrix);
    }
}
