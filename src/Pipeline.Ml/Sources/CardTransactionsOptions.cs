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
}
