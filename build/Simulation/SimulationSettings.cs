using Pipeline.Formats.Params;
using Pipeline.Ml.Data;
using Pipeline.Ml.Sources;

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

    /// <summary>
    /// Share of the drifted phase's fed-back labels that are inverted (seeded): a labelling fault. The model retrained
    /// on them is worse on true labels, and the canary's labelled comparison must roll it back. 0 (default): none.
    /// </summary>
    public double MislabelShare { get; init; }

    /// <summary>The traffic without drift: the source's own knobs.</summary>
    public required CardTransactionsOptions Steady { get; init; }

    /// <summary>The drifted traffic.</summary>
    public required CardTransactionsOptions Drifted { get; init; }

    private static readonly string[] Keys =
    [
        "seed", "rows", "drifted_rows", "hold_seconds", "max_score_psi", "timeout_seconds", "mislabel_share",
        "amount_shift", "new_country_share", "fraud_rate_multiplier", "night_share",
    ];

    /// <summary>
    /// Reads the section; the drift knobs default to a visible shift, the steady traffic to the source's knobs. An
    /// unknown key or a bad value is a <see cref="ParamException"/> naming it.
    /// </summary>
    public static SimulationSettings From(IReadOnlyDictionary<string, string> simulate, IReadOnlyDictionary<string, string> source)
    {
        var s = new ParamSection("simulate", simulate, Keys);
        var seed = s.Integer("seed", 11, min: 0);
        var steady = CardTransactionsOptions.FromParams(source) with { Seed = seed };
        return new SimulationSettings
        {
            Seed = seed,
            Rows = s.Integer("rows", 1000, min: 1),
            DriftedRows = s.Integer("drifted_rows", 3000, min: 1),
            HoldSeconds = s.Number("hold_seconds", 3, min: 0.01),
            TimeoutSeconds = s.Number("timeout_seconds", 180, min: 0.01),
            MaxScorePsi = s.Text("max_score_psi") ?? "none",
            MislabelShare = s.Number("mislabel_share", 0, min: 0, max: 1),
            Steady = steady,
            Drifted = steady with
            {
                Seed = seed + 1,
                AmountShift = s.Number("amount_shift", 1.3, min: 0),
                NewCountryShare = s.Number("new_country_share", 0.5, min: 0, max: 1),
                FraudRateMultiplier = s.Number("fraud_rate_multiplier", 3.0, min: 0),
                NightShare = s.Number("night_share", 0.3, min: 0, max: 1),
            },
        };
    }
}
