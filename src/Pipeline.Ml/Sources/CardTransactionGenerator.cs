using System.Globalization;

namespace Pipeline.Ml.Sources;

/// <summary>
/// Draws card transactions day by day from one seeded <see cref="Random"/> (the process is described in
/// Sources/README.md): times of day are drawn and sorted per day, then each row's features and finally its fraud label.
/// </summary>
internal sealed class CardTransactionGenerator(CardTransactionsOptions options, Random random)
{
    /// <summary>Log-odds intercept, calibrated so the default options give about 1.5% fraud.</summary>
    internal const double Intercept = -8.0;

    /// <summary>Scale of the observable risk factors in the log-odds (higher: more separable classes).</summary>
    internal const double SignalStrength = 1.6;

    /// <summary>Generates <paramref name="count"/> rows with ids from <paramref name="firstId"/>, days from <paramref name="firstDay"/>.</summary>
    public IEnumerable<CardTransaction> Generate(long firstId, DateTimeOffset firstDay, int count)
    {
        var id = firstId;
        for (var day = firstDay; count > 0; day = day.AddDays(1))
        {
            var n = Math.Min(options.RowsPerDay, count);
            var seconds = Enumerable.Range(0, n).Select(_ => SecondOfDay()).Order().ToArray();
            foreach (var second in seconds) yield return Row(id++, day.AddSeconds(second));
            count -= n;
        }
    }

    private int SecondOfDay()
    {
        var hour = random.NextDouble() < options.NightShare ? random.Next(0, 6) : DaytimeHour();
        return hour * 3600 + random.Next(3600);
    }

    // NOTE: daytime traffic rises through the morning and peaks in the early evening (weights for hours 6..23).
    private static readonly double[] DayHourWeights = [1, 2, 3, 4, 5, 6, 6, 6, 5, 5, 6, 7, 8, 8, 7, 5, 4, 3];

    private int DaytimeHour() => 6 + Pick(DayHourWeights.Select((w, i) => (i, w)).ToArray());

    private CardTransaction Row(long id, DateTimeOffset time)
    {
        var category = MerchantVocabulary.Categories[Pick(MerchantVocabulary.Categories.Select((c, i) => (i, c.Weight)).ToArray())];
        var relativeAmount = Math.Exp(0.8 * Normal());
        var amount = Math.Max(0.5, Math.Round(category.MedianAmount * relativeAmount * options.AmountShift, 2));
        var country = random.NextDouble() < options.NewCountryShare
            ? MerchantVocabulary.NewCountries[random.Next(MerchantVocabulary.NewCountries.Length)]
            : MerchantVocabulary.Countries[Pick(MerchantVocabulary.Countries.Select((c, i) => (i, c.Weight)).ToArray())].Code;
        var device = MerchantVocabulary.Devices[Pick(MerchantVocabulary.Devices.Select((d, i) => (i, d.Weight)).ToArray())].Name;
        var accountAge = (int)Math.Clamp(Math.Round(Math.Exp(5.5 + 1.3 * Normal())), 0, 7300);
        var ageMissing = random.NextDouble() < options.MissingAccountAgeShare;
        var last24h = Poisson(1.8);
        var last7d = last24h + Poisson(7);
        var risky = random.NextDouble() < (category.Risk >= 1 ? 0.15 : 0.04);
        var description = Description(category.Nouns, risky);
        var hour = time.Hour;

        var signal = category.Risk
            + 0.9 * Math.Clamp(Math.Log(relativeAmount * options.AmountShift), -2, 3)
            + (hour < 6 ? 1.4 : 0)
            + (country == "US" ? 0 : 1.1) + (country is "NG" or "RU" || MerchantVocabulary.NewCountries.Contains(country) ? 0.9 : 0)
            + device switch { "web" => 0.7, "pos" => -0.6, _ => 0 }
            + (accountAge < 30 ? 1.3 : 0)
            + 0.35 * Math.Max(0, last24h - 3)
            + (risky ? 1.8 : 0);
        var logit = Intercept + SignalStrength * signal + 0.6 * Normal() + Math.Log(options.FraudRateMultiplier);
        var fraud = random.NextDouble() < 1 / (1 + Math.Exp(-logit));

        return new CardTransaction(
            id, time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), amount, category.Name, hour,
            country, device, ageMissing ? null : accountAge, last24h, last7d, description, fraud);
    }

    private string Description(string[] nouns, bool risky)
    {
        var words = new List<string>
        {
            MerchantVocabulary.Adjectives[random.Next(MerchantVocabulary.Adjectives.Length)],
            nouns[random.Next(nouns.Length)],
        };
        if (risky)
        {
            words.Add(MerchantVocabulary.RiskyWords[random.Next(MerchantVocabulary.RiskyWords.Length)]);
            words.Add(MerchantVocabulary.RiskyWords[random.Next(MerchantVocabulary.RiskyWords.Length)]);
        }
        words.Add(MerchantVocabulary.Places[random.Next(MerchantVocabulary.Places.Length)]);
        return string.Join(' ', words);
    }

    private int Pick((int Index, double Weight)[] weighted)
    {
        var u = random.NextDouble() * weighted.Sum(w => w.Weight);
        foreach (var (index, weight) in weighted)
        {
            if ((u -= weight) < 0) return index;
        }
        return weighted[^1].Index;
    }

    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private int Poisson(double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble()) k++;
        return k;
    }
}
