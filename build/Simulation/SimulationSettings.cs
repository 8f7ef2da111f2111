using Pipeline.Ml.Sources;
using static ReferencePipeline.SectionValue;

namespace ReferencePipeline.Simulation;

/// <summary>
/// The <c>simulate</c> section of params.yaml: the seed, predictions per phase, the canary's hold per step and how long
/// to wait for it, and the drift (the source's knobs, applied to the simulated traffic only).
/// </summary>
internal sealed record SimulationSettings
{
    /// <summary>Seed of the simulated traffic.</summary>
    public int Seed { get; init; } = 11;

    /// <summary>Predictions sent in the steady phase and after the retrain.</summary>
    public int Rows { get; init; } = 1000;

    /// <summary>Drifted predictions sent (and labelled) before retraining: the new data the retrained model learns from.</summary>
    public int DriftedRows { get; init; } = 3000;

    /// <summary>Canary hold per step during the demo (seconds).</summary>
    public double HoldSeconds { get; init; } = 3;

    /// <summary>
    /// The canary's score-shift bound during the demo (<c>none</c>: off): the drift triples the fraud rate, so the
    /// retrained model's scores shift by design (PSI 0.4 to 1.3 against the stale model), which any bound meant to catch
    /// a broken candidate reads as one; errors and latency are still judged, and the gate compared the models first.
    /// </summary>
    public string MaxScorePsi { get; init; } = "none";

    /// <summary>How long to wait for the canary to finish.</summary>
    public double TimeoutSeconds { get; init; } = 180;

    /// <summary>The traffic without drift: the source's own knobs.</summary>
    public required CardTransactionsOptions Steady { get; init; }

    /// <summary>The drifted traffic.</summary>
    public required CardTransactionsOptions Drifted { get; init; }

    /// <summary>Reads the section; the drift knobs default to a visible shift, the steady traffic to the source's knobs.</summary>
    public static SimulationSettings From(IReadOnlyDictionary<string, string> simulate, IReadOnlyDictionary<string, string> source)
    {
        var seed = Int(simulate, "seed", 11);
        var steady = new CardTransactionsOptions
        {
            Seed = seed,
            RowsPerDay = Int(source, "rows_per_day", 500),
            AmountShift = Number(source, "amount_shift", 1.0),
            NewCountryShare = Number(source, "new_country_share", 0.0),
            FraudRateMultiplier = Number(source, "fraud_rate_multiplier", 1.0),
            NightShare = Number(source, "night_share", 0.08),
        };
        var settings = new SimulationSettings
        {
            Seed = seed,
            Rows = Int(simulate, "rows", 1000),
            DriftedRows = Int(simulate, "drifted_rows", 3000),
            HoldSeconds = Number(simulate, "hold_seconds", 3),
            TimeoutSeconds = Number(simulate, "timeout_seconds", 180),
            MaxScorePsi = simulate.GetValueOrDefault("max_score_psi") is { Length: > 0 } psi ? psi : "none",
            Steady = steady,
            Drifted = steady with
            {
                Seed = seed + 1,
                AmountShift = Number(simulate, "amount_shift", 1.3),
                NewCountryShare = Number(simulate, "new_country_share", 0.5),
                FraudRateMultiplier = Number(simulate, "fraud_rate_multiplier", 3.0),
                NightShare = Number(simulate, "night_share", 0.3),
            },
        };
        if (settings.Rows < 1 || settings.DriftedRows < 1 || settings.HoldSeconds <= 0 || settings.TimeoutSeconds <= 0)
            throw new ArgumentException("simulate.rows and simulate.drifted_rows must be at least 1, simulate.hold_seconds and simulate.timeout_seconds above 0.");
        return settings;
    }
}
