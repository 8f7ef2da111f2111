using System.Text.Json;
using Pipeline.Serving.Models;
using Pipeline.Serving.Rollouts;

namespace Pipeline.Serving.Admin;

/// <summary>The admin API's JSON shapes of a <see cref="RolloutState"/> and an <see cref="AbTestReport"/>.</summary>
internal static class RolloutJson
{
    /// <summary>Writes the rollout state with the live model.</summary>
    public static void State(Utf8JsonWriter json, RolloutState s, ServedModel live, RolloutRouter router)
    {
        json.WriteStartObject();
        json.WriteString("phase", Snake(s.Phase.ToString()));
        json.WriteString("strategy", s.Plan is { } plan ? Snake(plan.Strategy.ToString()) : null);
        json.WriteString("version", s.Plan?.Version);
        Model(json, "live", live);
        Model(json, "candidate", s.Candidate);
        Model(json, "previous", s.Previous);
        json.WriteNumber("percent", s.Percent);
        json.WriteNumber("step", s.Step);
        if (s.Plan is { Strategy: RolloutStrategy.Canary } canary)
        {
            json.WriteStartArray("steps");
            canary.Steps.ToList().ForEach(json.WriteNumberValue);
            json.WriteEndArray();
        }

        json.WriteString("entity_key", s.Plan?.EntityKey);
        json.WriteString("since", s.Since == DateTimeOffset.MinValue ? null : s.Since.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("reason", s.Reason);
        if (s.Health is { } health)
        {
            json.WriteStartObject("health");
            Window(json, "stable", health.Stable.Snapshot());
            Window(json, "canary", health.Candidate.Snapshot());
            json.WriteEndObject();
        }

        json.WriteNumber("shadows_skipped", router.ShadowsSkipped);
        json.WriteNumber("shadow_failures", router.ShadowFailures);
        json.WriteEndObject();
    }

    /// <summary>Writes an A/B test report.</summary>
    public static void AbTest(Utf8JsonWriter json, AbTestReport report, RolloutState s)
    {
        json.WriteStartObject();
        json.WriteString("version", s.Plan?.Version);
        json.WriteString("phase", Snake(s.Phase.ToString()));
        json.WriteStartArray("variants");
        foreach (var v in report.Variants)
        {
            json.WriteStartObject();
            json.WriteString("variant", v.Variant);
            json.WriteNumber("samples", v.Samples);
            Number(json, v.Metric, v.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("test", report.Test);
        Number(json, "statistic", report.Statistic);
        Number(json, "p_value", report.P);
        json.WriteNumber("alpha", report.Alpha);
        json.WriteNumber("min_samples", report.MinSamples);
        json.WriteString("verdict", report.Verdict);
        json.WriteEndObject();
    }

    private static void Model(Utf8JsonWriter json, string name, ServedModel? model)
    {
        if (model is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("version", model.Version.ToString());
        json.WriteString("variant", model.Variant);
        json.WriteEndObject();
    }

    private static void Window(Utf8JsonWriter json, string name, WindowSnapshot w)
    {
        json.WriteStartObject(name);
        json.WriteNumber("requests", w.Requests);
        json.WriteNumber("failures", w.Failures);
        Number(json, "p95_ms", w.P95Ms);
        Number(json, "mean_score", w.MeanScore);
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Snake(string pascal) => string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
