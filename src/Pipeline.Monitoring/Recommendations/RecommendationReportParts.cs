using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Pipeline.Monitoring.Reports;

namespace Pipeline.Monitoring.Recommendations;

/// <summary>The <c>recommendation</c> section of reports/monitoring.json and of the HTML report.</summary>
internal static class RecommendationReportParts
{
    /// <summary>Writes <c>"recommendation": {…}</c> into the open report object.</summary>
    public static void WriteJson(Utf8JsonWriter json, RecommendationSection s)
    {
        json.WriteStartObject("recommendation");
        json.WriteNumber("requests", s.Requests);
        json.WriteNumber("cold_start", s.ColdStart);
        json.WriteNumber("requests_with_feedback", s.RequestsWithFeedback);
        json.WriteNumber("feedback_items", s.FeedbackItems);
        json.WriteNumber("positive_items", s.PositiveItems);
        MonitoringReportJson.Number(json, "relevant_at", s.RelevantAt);
        MonitoringReportJson.Number(json, "hit_rate", s.HitRate);
        MonitoringReportJson.Interval(json, "hit_rate_ci", s.HitRateInterval);
        json.WriteStartObject("hit_rate_at");
        foreach (var (k, rate) in s.HitRateAt) MonitoringReportJson.Number(json, k.ToString(CultureInfo.InvariantCulture), rate);
        json.WriteEndObject();
        MonitoringReportJson.Number(json, "ndcg_at_10", s.NdcgAt10);
        MonitoringReportJson.Number(json, "min_hit_rate", s.MinHitRate);
        json.WriteBoolean("below_threshold", s.BelowThreshold);
        json.WriteEndObject();
    }

    /// <summary>Appends the HTML section.</summary>
    public static void WriteHtml(StringBuilder html, RecommendationSection s)
    {
        html.Append("<h2>Recommendations</h2>\n<p>").Append(s.Requests).Append(" recommendations (").Append(s.ColdStart).Append(" cold start), ")
            .Append(s.RequestsWithFeedback).Append(" with feedback: ").Append(s.FeedbackItems).Append(" clicks/ratings, ").Append(s.PositiveItems)
            .Append(" positive (label &ge; ").Append(F(s.RelevantAt)).Append(").</p>\n<p>");
        if (s.HitRate is { } rate)
        {
            html.Append(s.BelowThreshold ? "<strong class=\"drift\">" : "<strong>").Append("Online hit rate ").Append(F(rate)).Append("</strong> (95% CI ")
                .Append(F(s.HitRateInterval!.Value.Lower)).Append('-').Append(F(s.HitRateInterval!.Value.Upper)).Append("; threshold ").Append(F(s.MinHitRate)).Append("); ")
                .Append(WebUtility.HtmlEncode(string.Join(", ", s.HitRateAt.Select(h => $"hit rate@{h.K} {F(h.Rate)}"))))
                .Append("; NDCG@10 of the positive items ").Append(s.NdcgAt10 is { } n ? F(n) : "-").Append('.');
        }
        else
        {
            html.Append("Too little feedback to measure the online hit rate.");
        }

        html.Append("</p>\n<p>Drift above compares user activity (training interactions of each request's user) and item popularity rank (of each item fed back on) with the training interactions.</p>\n");
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
