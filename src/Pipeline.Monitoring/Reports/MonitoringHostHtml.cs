using System.Globalization;
using System.Net;
using System.Text;
using Pipeline.Monitoring.Hosts;
using static Pipeline.Monitoring.Reports.SvgChart;

namespace Pipeline.Monitoring.Reports;

/// <summary>The "Serving host" part of the HTML report: per host, process figures and requests by model version and variant.</summary>
internal static class MonitoringHostHtml
{
    /// <summary>Appends a section per host (deploy.host order), or nothing when the run did not ask a host.</summary>
    public static void Write(StringBuilder html, IReadOnlyList<HostReading> hosts)
    {
        foreach (var host in hosts) Write(html, host, hosts.Count > 1);
    }

    private static void Write(StringBuilder html, HostReading host, bool several)
    {
        html.Append(several ? "<h2>Serving host " + E(host.Address) + "</h2>\n<p>" : "<h2>Serving host</h2>\n<p>").Append(E(host.Address)).Append(host.Reachable ? " answered /metrics" : "").Append(".</p>\n");
        if (host.Note is { } note) html.Append("<p><em>").Append(E(note)).Append("</em></p>\n");
        if (host.Resources is not { } r) return;
        var cpuRate = r.CpuCoresUsed is { } cores ? $"{F(cores)} cores over {F(r.CpuIntervalSeconds ?? 0)} s" : "-";
        html.Append("<table><tr><th>figure</th><th>value</th></tr>");
        Row(html, "CPU time (s)", N(r.CpuSeconds));
        Row(html, "CPU used", cpuRate);
        Row(html, "resident memory (MiB)", N(r.ResidentMemoryBytes / (1024 * 1024)));
        Row(html, "managed heap (MiB)", N(r.ManagedHeapBytes / (1024 * 1024)));
        Row(html, "GC collections", string.Join(", ", r.GcCollections.Select(g => g.Key + ": " + g.Value.ToString(CultureInfo.InvariantCulture))));
        Row(html, "requests in flight", N(r.RequestsInFlight));
        Row(html, "error rate", N(r.ErrorRate));
        html.Append("</table>\n<table><tr><th>model version</th><th>variant</th><th>requests</th><th>server errors</th><th>client errors</th><th>error rate</th></tr>");
        foreach (var t in r.Traffic)
        {
            html.Append("<tr><td>").Append(t.ModelVersion.Length == 0 ? "(none)" : E(t.ModelVersion)).Append("</td><td>").Append(E(t.Variant))
                .Append("</td><td>").Append(t.Requests).Append("</td><td>").Append(t.Errors).Append("</td><td>").Append(t.ClientErrors)
                .Append("</td><td>").Append(N(t.ErrorRate)).Append("</td></tr>");
        }

        html.Append("</table>\n<p>Counts since the host started (scrapes of /metrics left out); \"(none)\": no model answered.</p>\n");
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><td>").Append(name).Append("</td><td>").Append(E(value)).Append("</td></tr>");

    private static string N(double? value) => value is { } v && double.IsFinite(v) ? F(v) : "-";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
