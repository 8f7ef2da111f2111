namespace Pipeline.Ml.Recommendation;

/// <summary>
/// The per-user split recommenders are judged by: for each user, the latest <see cref="TestFraction"/> of their
/// interactions by time form the test part (a seeded random share when there is no time), so nothing from a user's
/// future is trained on. A user with n ≥ 2 interactions puts max(1, round(n × fraction)) of them in test and keeps at
/// least one in training; a user with a single interaction stays in training and is counted. Ties in time keep file
/// order. The same interactions and seed give the same split.
/// </summary>
public static class UserSplit
{
    /// <summary>The share of each user's interactions that goes to test.</summary>
    public const double TestFraction = 0.2;

    /// <summary>Splits <paramref name="interactions"/>; <paramref name="seed"/> drives the shuffle used when they carry no time.</summary>
    public static SplitResult Split(IReadOnlyList<Interaction> interactions, int seed, double testFraction = TestFraction)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        var random = new Random(seed);
        var train = new List<Interaction>();
        var test = new List<Interaction>();
        var single = 0;
        foreach (var group in interactions.GroupBy(x => x.User, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rows = group.ToList();
            if (rows.Count < 2)
            {
                single++;
                train.AddRange(rows);
                continue;
            }

            var ordered = rows.TrueForAll(r => r.Time is not null)
                ? [.. rows.OrderBy(r => r.Time!.Value).ThenBy(r => r.Row)]
                : Shuffled(rows, random);
            var held = Math.Clamp((int)Math.Round(rows.Count * testFraction, MidpointRounding.AwayFromZero), 1, rows.Count - 1);
            train.AddRange(ordered.Take(ordered.Count - held));
            test.AddRange(ordered.Skip(ordered.Count - held));
        }

        train.Sort((a, b) => a.Row.CompareTo(b.Row));
        test.Sort((a, b) => a.Row.CompareTo(b.Row));
        var trainItems = train.Select(x => x.Item).ToHashSet(StringComparer.Ordinal);
        var coldItems = test.Where(x => !trainItems.Contains(x.Item)).Select(x => x.Item).Distinct(StringComparer.Ordinal).Count();
        var duplicates = interactions.GroupBy(x => (x.User, x.Item, x.Time)).Count(g => g.Count() > 1);
        return new SplitResult(train, test)
        {
            SingleInteractionUsers = single,
            ColdStartItems = coldItems,
            ColdStartTestRows = test.Count(x => !trainItems.Contains(x.Item)),
            DuplicateInteractions = duplicates,
        };
    }

    private static List<Interaction> Shuffled(List<Interaction> rows, Random random)
    {
        var copy = rows.OrderBy(r => r.Row).ToArray();
        random.Shuffle(copy);
        return [.. copy];
    }
}
