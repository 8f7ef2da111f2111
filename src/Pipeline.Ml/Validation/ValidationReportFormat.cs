using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Ml.Data;
using Pipeline.Formats.Json;

namespace Pipeline.Ml.Validation;

/// <summary>The JSON and text forms of a <see cref="ValidationReport"/> (stable key order, invariant numbers).</summary>
internal static class ValidationReportFormat
{
    /// <summary>reports/validation.json: summary, one entry per check with its status, then the findings.</summary>
    public static string Json(ValidationReport report) => JsonLayout.Text(json =>
    {
        json.WriteStartObject();
        json.WriteString("snapshot", report.Snapshot);
        json.WriteString("status", report.Passed ? "passed" : "failed");
        json.WriteNumber("rows", report.Rows);
        json.WriteNumber("validated_rows", report.ValidatedRows);
        json.WriteNumber("quarantined_rows", report.QuarantinedRows);
        if (report.StreamRun is { } run) StreamRun(json, run);
        if (report.Interactions is { } interactions) Interactions(json, interactions);
        json.WriteStartArray("checks");
        foreach (var check in Enum.GetValues<ValidationCheck>())
        {
            json.WriteStartObject();
            json.WriteString("check", ValidationCheckNames.Of(check));
            json.WriteString("severity", Name(SeverityOf(report, check)));
            json.WriteString("status", StatusOf(report, check));
            json.WriteNumber("count", report.Findings.Where(f => f.Check == check).Sum(f => f.Count));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("check", ValidationCheckNames.Of(finding.Check));
            json.WriteString("severity", Name(finding.Severity));
            if (finding.Column is null) json.WriteNull("column"); else json.WriteString("column", finding.Column);
            json.WriteNumber("count", finding.Count);
            json.WriteString("message", finding.Message);
            json.WriteStartArray("examples");
            foreach (var example in finding.Examples) json.WriteStringValue(example);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>The readable table: a summary line, then one row per check.</summary>
    public static string Text(ValidationReport report)
    {
        List<string[]> rows = [["check", "column", "severity", "status", "count", "examples"]];
        foreach (var check in Enum.GetValues<ValidationCheck>())
        {
            var findings = report.Findings.Where(f => f.Check == check).ToList();
            if (findings.Count == 0) rows.Add([ValidationCheckNames.Of(check), "", Name(SeverityOf(report, check)), "passed", "0", ""]);
            foreach (var f in findings)
                rows.Add([ValidationCheckNames.Of(check), f.Column ?? "(dataset)", Name(f.Severity), Status(f.Severity), f.Count.ToString(CultureInfo.InvariantCulture), string.Join(" | ", f.Examples.Take(3))]);
        }
        var widths = Enumerable.Range(0, 6).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Validation of {report.Snapshot}: {(report.Passed ? "PASSED" : "FAILED")} — {report.Rows} rows, {report.ValidatedRows} validated, {report.QuarantinedRows} quarantined\n\n");
        if (report.StreamRun is { } run) text.Append(StreamRunLine(run)).Append("\n\n");
        if (report.Interactions is { } interactions) text.Append(interactions.Line()).Append("\n\n");
        foreach (var row in rows)
            text.Append(string.Join("  ", row.Select((cell, i) => i == 5 ? cell : cell.PadRight(widths[i]))).TrimEnd()).Append('\n');
        return text.ToString();
    }

    // NOTE: written only for recommendation tasks, so the other tasks' reports keep their bytes.
    private static void Interactions(Utf8JsonWriter json, InteractionSection section)
    {
        json.WriteStartObject("interactions");
        json.WriteNumber("users", section.Users);
        json.WriteNumber("items", section.Items);
        json.WriteNumber("repeated_interactions", section.RepeatedInteractions);
        json.WriteStartArray("repeated_examples");
        foreach (var example in section.RepeatedExamples) json.WriteStringValue(example);
        json.WriteEndArray();
        json.WriteNumber("single_interaction_users", section.SingleInteractionUsers);
        json.WriteEndObject();
    }

    // NOTE: written only for stream sources, so a batch source's report keeps its bytes.
    private static void StreamRun(Utf8JsonWriter json, StreamRunSection run)
    {
        json.WriteStartObject("last_ingest");
        json.WritePropertyName("from");
        if (run.From is null) json.WriteNullValue(); else run.From.WriteTo(json);
        json.WritePropertyName("to");
        run.To.WriteTo(json);
        json.WriteNumber("appended_rows", run.Appended);
        json.WriteNumber("validated_rows", run.Validated);
        json.WriteNumber("quarantined_rows", run.Quarantined);
        json.WriteNumber(run.RejectedAllRuns ? "rejected_entries_all_runs" : "rejected_entries", run.Rejected);
        json.WriteEndObject();
    }

    private static string StreamRunLine(StreamRunSection run) => string.Create(CultureInfo.InvariantCulture,
        $"Last ingest (after {run.From?.ToJsonString() ?? "the start"} up to {run.To.ToJsonString()}): {run.Appended} rows appended, {run.Validated} validated, {run.Quarantined} quarantined; {run.Rejected} entries rejected by Ingest as unreadable{(run.RejectedAllRuns ? " (all runs; this position does not record the last run's)" : "")}");

    private static FindingSeverity SeverityOf(ValidationReport report, ValidationCheck check) =>
        report.Severities.TryGetValue(check, out var severity) ? severity : ValidationOptions.DefaultSeverity(check);

    private static string StatusOf(ValidationReport report, ValidationCheck check) =>
        report.Findings.Any(f => f.Check == check) ? Status(SeverityOf(report, check)) : "passed";

    private static string Status(FindingSeverity severity) => severity == FindingSeverity.Error ? "failed" : "warning";

    private static string Name(FindingSeverity severity) => severity == FindingSeverity.Error ? "error" : "warning";
}
