using Pipeline.Formats.Params;

namespace ReferencePipeline;

/// <summary>The <c>serve</c> section of params.yaml; an unknown key or a bad value is a <see cref="ParamException"/> naming it.</summary>
internal sealed record ServeSettings
{
    /// <summary>A classification answer below this probability carries <c>fallback: true</c>.</summary>
    public double FallbackBelow { get; init; } = 0.5;

    /// <summary>The prediction log Serve writes and Monitor, Retrain and Simulate read (<c>prediction_log</c>).</summary>
    public PredictionLogSetting PredictionLog { get; init; } = PredictionLogSetting.Default;

    private static readonly string[] Keys = ["fallback_below", "prediction_log"];

    /// <summary>Reads the section (keys relative to it).</summary>
    public static ServeSettings From(IReadOnlyDictionary<string, string> serve)
    {
        var s = new ParamSection("serve", serve, Keys);
        return new ServeSettings
        {
            FallbackBelow = s.Number("fallback_below", 0.5, min: 0, max: 1),
            PredictionLog = PredictionLogSetting.Parse(s.Text("prediction_log")),
        };
    }
}
