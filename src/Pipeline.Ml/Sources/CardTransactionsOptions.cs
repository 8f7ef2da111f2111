using Pipeline.Formats.Params;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Sources;

/// <summary>
/// Knobs of the embedded card-transaction source. The defaults give the reference data; the drift knobs
/// (<see cref="AmountShift"/>, <see cref="NewCountryShare"/>, <see cref="FraudRateMultiplier"/>, <see cref="NightShare"/>)
/// let the monitoring stage append shifted batches with <see cref="CardTransactionsSource.AppendBatch"/>.
/// </summary>
public sealed record CardTransactionsOptions
{
    /// <summary>Seed of every random draw (same options → same rows).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Rows generated when the database is created.</summary>
    public int Rows { get; init; } = 20_000;

    /// <summary>Transactions per simulated day (the first day starts at <see cref="StartTime"/>).</summary>
    public int RowsPerDay { get; init; } = 500;

    /// <summary>Midnight (UTC) of the first simulated day.</summary>
    public DateTimeOffset StartTime { get; init; } = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Multiplier applied to every amount (1 = no drift).</summary>
    public double AmountShift { get; init; } = 1.0;

    /// <summary>Share of transactions from countries absent from the reference data (0 = none).</summary>
    public double NewCountryShare { get; init; }

    /// <summary>Multiplies the fraud odds (1 = the reference rate of about 1.5%).</summary>
    public double FraudRateMultiplier { get; init; } = 1.0;

    /// <summary>Share of transactions between 00:00 and 05:59 (reference 0.08).</summary>
    public double NightShare { get; init; } = 0.08;

    /// <summary>Share of rows whose <c>account_age_days</c> is missing (NULL), as in real feeds.</summary>
    public double MissingAccountAgeShare { get; init; } = 0.01;

    /// <summary>The documented keys of the <c>source</c> section.</summary>
    public static readonly IReadOnlyList<string> Keys =
        ["rows", "seed", "rows_per_day", "amount_shift", "new_country_share", "fraud_rate_multiplier", "night_share"];

    /// <summary>Options from the <c>source</c> section (keys relative to it); an unknown key or bad value is a <see cref="ParamException"/>.</summary>
    public static CardTransactionsOptions FromParams(IReadOnlyDictionary<string, string> section)
    {
        var s = new ParamSection("source", section, Keys);
        var o = new CardTransactionsOptions();
        return o with
        {
            Rows = s.Integer("rows", o.Rows, min: 1),
            Seed = s.Integer("seed", o.Seed, min: 0),
            RowsPerDay = s.Integer("rows_per_day", o.RowsPerDay, min: 1),
            AmountShift = s.Number("amount_shift", o.AmountShift, min: 0),
            NewCountryShare = s.Number("new_country_share", o.NewCountryShare, min: 0, max: 1),
            FraudRateMultiplier = s.Number("fraud_rate_multiplier", o.FraudRateMultiplier, min: 0),
            NightShare = s.Number("night_share", o.NightShare, min: 0, max: 1),
        };
    }
}
