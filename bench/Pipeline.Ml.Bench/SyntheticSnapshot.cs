using System.Globalization;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Bench;

/// <summary>
/// A seeded synthetic card-transaction snapshot streamed straight to disk (one reused row buffer, never a list of
/// rows): numeric, categorical, boolean, short free-text columns and a binary label drawn from a logistic model.
/// </summary>
internal static class SyntheticSnapshot
{
    /// <summary>The label column.</summary>
    public const string Label = "is_fraud";

    /// <summary>The unique key column.</summary>
    public const string Key = "id";

    private static readonly string[] Header =
        ["id", "amount", "hour", "account_age_days", "tx_last_24h", "merchant_category", "country", "device", "is_online", "description", Label];

    private static readonly string[] Categories =
        ["grocery", "restaurants", "online_retail", "fuel", "travel", "electronics", "pharmacy", "utilities", "entertainment", "clothing", "gambling", "digital_goods"];
    private static readonly double[] CategoryRisk = [-0.4, -0.2, 0.3, -0.3, 0.4, 0.7, -0.3, -0.8, 0.0, 0.1, 1.1, 1.0];
    private static readonly string[] Countries = ["US", "GB", "DE", "CA", "FR", "MX", "BR", "IN", "NG", "RU"];
    private static readonly string[] Devices = ["mobile", "web", "pos"];
    private static readonly string[] Adjectives = ["golden", "quick", "blue", "royal", "corner", "city", "green", "happy", "prime", "urban"];
    private static readonly string[] Nouns = ["market", "shop", "store", "cafe", "outlet", "depot", "mart", "bazaar", "hub", "stop"];
    private static readonly string[] Places = ["plaza", "center", "avenue", "station", "mall", "square", "park", "harbor"];
    private static readonly string[] RiskyWords = ["crypto", "giftcard", "voucher", "instant", "prepaid", "wire", "bonus", "topup"];

    /// <summary>Writes <paramref name="rows"/> rows to <paramref name="path"/> (atomically) from <paramref name="seed"/>.</summary>
    public static void Write(string path, long rows, int seed)
    {
        var random = new Random(seed);
        var row = new string?[Header.Length];
        using var writer = new CsvSnapshotWriter(path, Header);
        for (long id = 1; id <= rows; id++)
        {
            Fill(row, id, random);
            writer.WriteRow(row);
        }
        writer.Complete();
    }

    private static void Fill(string?[] row, long id, Random random)
    {
        var category = random.Next(Categories.Length);
        var amount = Math.Max(0.5, 40 * Math.Exp(0.8 * Normal(random)));
        var hour = random.NextDouble() < 0.08 ? random.Next(6) : 6 + random.Next(18);
        var age = Math.Clamp((int)Math.Round(Math.Exp(5.5 + 1.3 * Normal(random))), 0, 7300);
        var tx24 = Poisson(random, 1.8);
        var country = random.NextDouble() < 0.62 ? 0 : 1 + random.Next(Countries.Length - 1);
        var device = random.Next(Devices.Length);
        var online = device != 2 && random.NextDouble() < 0.8;
        var risky = random.NextDouble() < (category >= 10 ? 0.15 : 0.04);
        var description = $"{Adjectives[random.Next(Adjectives.Length)]} {Nouns[random.Next(Nouns.Length)]} {Places[random.Next(Places.Length)]} {Places[random.Next(Places.Length)]}"
            + (risky ? $" {RiskyWords[random.Next(RiskyWords.Length)]} {RiskyWords[random.Next(RiskyWords.Length)]}" : "");

        var s = CategoryRisk[category] + 0.9 * Math.Clamp(Math.Log(amount / 40), -2, 3) + 1.4 * (hour < 6 ? 1 : 0)
            + 1.1 * (country != 0 ? 1 : 0) + 0.9 * (country >= 8 ? 1 : 0) + 0.7 * (device == 1 ? 1 : 0) - 0.6 * (device == 2 ? 1 : 0)
            + 1.3 * (age < 30 ? 1 : 0) + 0.35 * Math.Max(0, tx24 - 3) + 1.8 * (risky ? 1 : 0);
        var z = -5.5 + 1.4 * s + 0.6 * Normal(random);
        var fraud = random.NextDouble() < 1 / (1 + Math.Exp(-z));

        row[0] = id.ToString(CultureInfo.InvariantCulture);
        row[1] = amount.ToString("0.00", CultureInfo.InvariantCulture);
        row[2] = hour.ToString(CultureInfo.InvariantCulture);
        row[3] = random.NextDouble() < 0.01 ? null : age.ToString(CultureInfo.InvariantCulture);
        row[4] = tx24.ToString(CultureInfo.InvariantCulture);
        row[5] = Categories[category];
        row[6] = Countries[country];
        row[7] = Devices[device];
        row[8] = online ? "true" : "false";
        row[9] = description;
        row[10] = fraud ? "1" : "0";
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble()) k++;
        return k;
    }
}
