using System.Globalization;
using System.Text;

namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>
/// Seeded CSV datasets with a learnable signal for each task type, plus what a trivial predictor scores on them.
/// Every dataset has a categorical column (<c>plan</c> or <c>region</c>), numeric columns with missing values and a
/// quoted free-text column whose values contain commas.
/// </summary>
internal static class SyntheticCsv
{
    private static readonly string[] Plans = ["basic", "standard", "premium"];
    private static readonly string[] Regions = ["north", "south", "east", "west"];
    private static readonly string[] Notes = ["called support, asked about refund", "happy, no issues", "late payment, twice", "moved house, new address", "upgraded, then downgraded"];

    /// <summary>Binary churn data: label <c>churned</c> is <c>"yes"</c>/<c>"no"</c>; returns the CSV and the share of "yes".</summary>
    public static (string Csv, double PositiveRate) Binary(int rows, int seed)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("customer_note,plan,tenure_months,monthly_charge,support_calls,churned\n");
        var positives = 0;
        for (var i = 0; i < rows; i++)
        {
            var plan = random.Next(Plans.Length);
            var tenure = random.Next(1, 72);
            var charge = 20 + (random.NextDouble() * 80);
            var calls = random.Next(0, 8);
            var score = -1.0 + (0.6 * calls) - (0.05 * tenure) + (0.02 * (charge - 60)) - (0.8 * plan) + Noise(random);
            var churned = score > 0;
            positives += churned ? 1 : 0;
            var note = Notes[random.Next(Notes.Length)];
            csv.Append(CultureInfo.InvariantCulture, $"\"{note}\",{Plans[plan]},{Missing(random, tenure)},{charge:F2},{calls},{(churned ? "yes" : "no")}\n");
        }
        return (csv.ToString(), positives / (double)rows);
    }

    /// <summary>Multiclass data: label <c>tier</c> is one of three strings; returns the CSV and each class's share.</summary>
    public static (string Csv, IReadOnlyDictionary<string, double> ClassShares) Multiclass(int rows, int seed)
    {
        string[] tiers = ["bronze", "silver", "gold"];
        var random = new Random(seed);
        var csv = new StringBuilder("id_note,region,spend,visits,tenure,tier\n");
        var counts = new int[tiers.Length];
        for (var i = 0; i < rows; i++)
        {
            var region = random.Next(Regions.Length);
            var spend = random.NextDouble() * 100;
            var visits = random.Next(0, 30);
            var tenure = random.NextDouble() * 10;
            var value = (0.03 * spend) + (0.08 * visits) + (0.3 * (region == 0 ? 1 : 0)) + (0.4 * Noise(random));
            var tier = value < 2.2 ? 0 : value < 3.6 ? 1 : 2;
            counts[tier]++;
            csv.Append(CultureInfo.InvariantCulture, $"\"{Notes[random.Next(Notes.Length)]}\",{Regions[region]},{spend:F2},{Missing(random, visits)},{tenure:F3},{tiers[tier]}\n");
        }
        return (csv.ToString(), tiers.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => counts[x.i] / (double)rows));
    }

    /// <summary>Regression data: label <c>price</c>; returns the CSV and every label value.</summary>
    public static (string Csv, IReadOnlyList<double> Labels) Regression(int rows, int seed)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("listing_note,region,area,rooms,age,price\n");
        var labels = new List<double>(rows);
        for (var i = 0; i < rows; i++)
        {
            var region = random.Next(Regions.Length);
            var area = 30 + (random.NextDouble() * 120);
            var rooms = random.Next(1, 6);
            var age = random.NextDouble() * 50;
            var price = 50 + (2.0 * area) + (15 * rooms) - (1.5 * age) + (40 * region) + (10 * Noise(random));
            labels.Add(Math.Round(price, 2));
            csv.Append(CultureInfo.InvariantCulture, $"\"{Notes[random.Next(Notes.Length)]}\",{Regions[region]},{area:F2},{Missing(random, rooms)},{age:F2},{price:F2}\n");
        }
        return (csv.ToString(), labels);
    }

    /// <summary>A value, or empty (missing) for about one row in twenty.</summary>
    private static string Missing(Random random, double value) =>
        random.Next(20) == 0 ? "" : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Noise(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
