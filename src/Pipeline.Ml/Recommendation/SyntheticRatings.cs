using System.Globalization;
using System.Text;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// A seeded synthetic ratings table with structure a recommender can find (data/examples/ratings.csv is one):
/// items belong to one of <c>groups</c> genres with Zipf popularity inside each; every user prefers one genre and picks
/// three quarters of their items from it (popularity-weighted, no repeats), the rest from the whole catalogue; ratings
/// are 4–5 mostly for the preferred genre and 1–3 mostly otherwise; timestamps increase per user. Columns:
/// <c>user_id,item_id,rating,timestamp</c>. The same arguments give the same text.
/// </summary>
public static class SyntheticRatings
{
    public static string Csv(int users, int items, int groups, int seed, int minPerUser = 10, int maxPerUser = 40)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(items, maxPerUser);
        var random = new Random(seed);
        var genre = Enumerable.Range(0, items).Select(i => i % groups).ToArray();
        // NOTE: Zipf weights by an item's rank inside its genre (1/(rank+1)), so every genre has its hits and its long tail.
        var weight = Enumerable.Range(0, items).Select(i => 1.0 / ((i / groups) + 1)).ToArray();
        var text = new StringBuilder("user_id,item_id,rating,timestamp\n");
        for (var u = 0; u < users; u++)
        {
            var taste = random.Next(groups);
            var count = random.Next(minPerUser, maxPerUser + 1);
            var taken = new HashSet<int>();
            var time = 1_700_000_000L + (random.Next(86_400) * 10L);
            while (taken.Count < count)
            {
                var fromTaste = random.NextDouble() < 0.75;
                // NOTE: a user whose genre is exhausted picks from the whole catalogue.
                var item = Pick(random, weight, i => !taken.Contains(i) && (!fromTaste || genre[i] == taste)) is var p and >= 0 ? p : Pick(random, weight, i => !taken.Contains(i));
                taken.Add(item);
                var liked = genre[item] == taste;
                var rating = liked ? (random.NextDouble() < 0.85 ? 4 + random.Next(2) : 3) : (random.NextDouble() < 0.8 ? 1 + random.Next(3) : 4);
                time += 60 + random.Next(86_400);
                text.Append(CultureInfo.InvariantCulture, $"u{u + 1},i{item + 1},{rating},{time}\n");
            }
        }

        return text.ToString();
    }

    private static int Pick(Random random, double[] weight, Func<int, bool> allowed)
    {
        double total = 0;
        for (var i = 0; i < weight.Length; i++)
        {
            if (allowed(i)) total += weight[i];
        }

        var target = random.NextDouble() * total;
        var last = -1;
        for (var i = 0; i < weight.Length; i++)
        {
            if (!allowed(i)) continue;
            last = i;
            target -= weight[i];
            if (target <= 0) return i;
        }

        return last;
    }
}
