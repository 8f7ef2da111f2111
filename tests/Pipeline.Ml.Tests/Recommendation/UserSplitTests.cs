using Pipeline.Ml.Recommendation;

namespace Pipeline.Ml.Tests.Recommendation;

public sealed class UserSplitTests
{
    private static Interaction X(string user, string item, double? time, int row) => new(user, item, 5, time, row);

    [Fact]
    public void Split_WithTime_PutsEachUsersLatestFifthInTest()
    {
        // u1 has 10 interactions (rows 0-9, times descending): the latest two by time (rows 0 and 1) are test.
        // u2 has 3: max(1, round(0.6)) = 1 → the latest (row 12, time 30) is test.
        // u3 has 1: training only, counted.
        var rows = Enumerable.Range(0, 10).Select(i => X("u1", $"i{i}", 100 - i, i)).ToList();
        rows.AddRange([X("u2", "a", 10, 10), X("u2", "b", 20, 11), X("u2", "c", 30, 12), X("u3", "a", 5, 13)]);

        var split = UserSplit.Split(rows, seed: 1);

        Assert.Equal([0, 1, 12], split.Test.Select(x => x.Row));
        Assert.Equal(11, split.Train.Count);
        Assert.Equal(1, split.SingleInteractionUsers);
        Assert.Equal(3, split.ColdStartItems); // i0, i1 and c occur only in test
    }

    [Fact]
    public void Split_WithoutTime_IsSeededAndKeepsTheShares()
    {
        var rows = Enumerable.Range(0, 50).Select(i => X($"u{i % 5}", $"i{i}", null, i)).ToList();

        var a = UserSplit.Split(rows, seed: 3);
        var b = UserSplit.Split(rows, seed: 3);
        var c = UserSplit.Split(rows, seed: 4);

        Assert.Equal(a.Test.Select(x => x.Row), b.Test.Select(x => x.Row));
        Assert.NotEqual(a.Test.Select(x => x.Row), c.Test.Select(x => x.Row));
        Assert.All(a.Test.GroupBy(x => x.User), g => Assert.Equal(2, g.Count()));
        Assert.Equal(40, a.Train.Count);
    }

    [Fact]
    public void Split_CountsDuplicateUserItemTimeRows()
    {
        var split = UserSplit.Split([X("u", "a", 1, 0), X("u", "a", 1, 1), X("u", "b", 2, 2)], seed: 1);

        Assert.Equal(1, split.DuplicateInteractions);
        Assert.DoesNotContain(split.Notes(), n => n.Contains("occur more than once", StringComparison.Ordinal)); // Validate's note (InteractionValidationTests)
    }
}
