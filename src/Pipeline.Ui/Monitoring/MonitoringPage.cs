using System.Text.Json;
using Pipeline.Ui.Html;

namespace Pipeline.Ui.Monitoring;

/// <summary>
/// The Monitoring page: the verdict and reasons of <c>reports/monitoring.json</c>, and the HTML report that
/// <c>./build.sh Monitor</c> writes (<c>reports/monitoring.html</c>) embedded; a missing or corrupt file is a message.
/// </summary>
internal static class MonitoringPage
{
    public static string Render(string root)
    {
        var html = Path.Combine(root, "reports", "monitoring.html");
        var report = File.Exists(html)
            ? Markup.Of($"""<p><a href="/reports/monitoring.html">Open the report on its own</a></p><iframe class="report" id="monitoring-report" src="/reports/monitoring.html" sandbox title="monitoring report"></iframe>""")
            : Layout.Missing("No monitoring report yet (reports/monitoring.html): run ./build.sh Monitor while the model is served.");
        return Layout.Page("Monitoring", "/monitoring", Markup.Of($"{Summary(Path.Combine(root, "reports", "monitoring.json"))}{report}"));
    }

    private static Markup Summary(string path)
    {
        if (!File.Exists(path)) return Layout.Missing("No reports/monitoring.json yet: run ./build.sh Monitor.");
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = json.RootElement;
            var verdict = root.GetProperty("verdict").GetString();
            var reasons = root.TryGetProperty("reasons", out var r) && r.ValueKind == JsonValueKind.Array
                ? r.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
                : [];
            return Markup.Of($"""
                <p>Verdict: <strong id="verdict">{verdict}</strong></p>
                {(reasons.Count > 0 ? Markup.Of($"<ul id=\"reasons\">{reasons.Select(x => Markup.Of($"<li>{x}</li>"))}</ul>") : Markup.Empty)}
                """);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return Layout.Missing($"reports/monitoring.json cannot be read ({e.Message}); run ./build.sh Monitor to write it again.");
        }
    }
}
