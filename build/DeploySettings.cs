using Pipeline.Formats.Params;

namespace ReferencePipeline;

/// <summary>
/// The <c>deploy</c> section of params.yaml: the rollout strategy, the serving hosts, the canary's steps, hold and
/// score-shift bound. An unknown key (<c>deploy.stratgy</c>) or a bad value is a <see cref="ParamException"/> naming it.
/// </summary>
internal sealed record DeploySettings
{
    /// <summary>direct, blue-green, canary, ab-test or shadow (the serving host checks the name).</summary>
    public string Strategy { get; init; } = "direct";

    /// <summary>The serving hosts (one, or several replicas); empty when params.yaml names none.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>The canary's traffic percentages; null for the serving host's default.</summary>
    public IReadOnlyList<int>? Steps { get; init; }

    /// <summary>Seconds each canary step must stay healthy.</summary>
    public double HoldSeconds { get; init; } = 300;

    /// <summary>The canary's largest score PSI as written (a number or <c>none</c>); null when not set.</summary>
    public string? MaxScorePsi { get; init; }

    /// <summary>
    /// How long a canary holds before 100 % for labelled feedback (seconds from the rollout's start); null
    /// (<c>none</c>): labels are not awaited and the canary is judged on errors, latency and score shift only.
    /// </summary>
    public double? MaxLabelWaitSeconds { get; init; } = 600;

    private static readonly string[] Keys = ["strategy", "host", "steps", "hold_seconds", "max_score_psi", "max_label_wait_seconds"];

    /// <summary>Reads the section (keys relative to it).</summary>
    public static DeploySettings From(IReadOnlyDictionary<string, string> deploy)
    {
        var s = new ParamSection("deploy", deploy, Keys);
        var steps = s.List("steps");
        return new DeploySettings
        {
            Strategy = s.Text("strategy") ?? "direct",
            Hosts = s.List("host"),
            Steps = steps.Count == 0 ? null : [.. steps.Select(step => ParamValue.Integer(s.Dotted("steps"), step, min: 1, max: 100))],
            HoldSeconds = s.Number("hold_seconds", 300, min: 0),
            MaxScorePsi = s.Text("max_score_psi"),
            MaxLabelWaitSeconds = s.Text("max_label_wait_seconds") == "none" ? null : s.Number("max_label_wait_seconds", 600, min: 0),
        };
    }
}
