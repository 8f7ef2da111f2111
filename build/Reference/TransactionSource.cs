using System.Globalization;

namespace ReferencePipeline;

/// <summary>A seeded synthetic card-transaction table: amount, hour, account age, recent count and a fraud label.</summary>
internal static class TransactionSource
{
    public const string Header = "amount,hour,account_age_days,recent_count,is_fraud";

    public static void Write(string path, int rows, int seed, double fraudRate)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path);
        writer.WriteLine(Header);
        for (var i = 0; i < rows; i++)
        {
            var fraud = random.NextDouble() < fraudRate;
            var amount = Math.Round(Math.Exp(random.NextDouble() * 3 + (fraud ? 4 : 2.5)), 2);
            var hour = fraud && random.NextDouble() < 0.6 ? random.Next(0, 6) : random.Next(0, 24);
            var age = fraud ? random.Next(0, 120) : random.Next(30, 3000);
            var recent = fraud ? random.Next(3, 15) : random.Next(0, 6);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{amount},{hour},{age},{recent},{(fraud ? 1 : 0)}"));
        }
    }
}
