using System.Globalization;
using System.Text;

namespace Pipeline.Ml.Tests.Validation;

/// <summary>Seeded synthetic CSVs with numeric, categorical, boolean, text and date columns and a label.</summary>
internal static class SampleData
{
    private static readonly string[] Merchants = ["grocery", "travel", "online", "fuel"];
    private static readonly string[] Words = ["fresh", "store", "market", "flight", "hotel", "shop", "gas", "station", "cheap", "premium"];

    /// <summary>The CSV text: id,amount,merchant,card_present,description,day,label (label per <paramref name="task"/>).</summary>
    public static string Csv(int rows, string task, int seed = 7, bool stringLabels = false)
    {
        var random = new Random(seed);
        var text = new StringBuilder("id,amount,merchant,card_present,description,day,label\n");
        for (var i = 0; i < rows; i++)
        {
            var amount = Math.Round(random.NextDouble() * 500, 2);
            var merchant = Merchants[random.Next(Merchants.Length)];
            var missing = i % 10 == 3;
            var description = $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {merchant}";
            var label = task switch
            {
                "binary" => amount > 300 || merchant == "online" ? (stringLabels ? "fraud" : "1") : (stringLabels ? "ok" : "0"),
                "multiclass" => merchant == "travel" ? "high" : amount > 250 ? "mid" : "low",
                _ => (amount * 0.3 + (merchant == "travel" ? 20 : 0) + random.NextDouble()).ToString("0.###", CultureInfo.InvariantCulture),
            };
            var amountText = missing ? "" : amount.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{i},{amountText},{merchant},{(i % 3 == 0 ? "true" : "false")},\"{description}, ok\",2024-01-{i % 28 + 1:00},{label}\n");
        }
        return text.ToString();
    }
}
