using System.Text.Json;
using Pipeline.Ui.Html;

namespace Pipeline.Ui.Monitoring;

/// <summary>The last Retrain decision (reports/retrain.json, which <c>./build.sh Retrain</c> writes each run): why, on what, and what came of it.</summary>
internal static class RetrainSection
{
    public static Markup Render(string root)
    {
        var path = Path.Combine(root, "reports", "retrain.json");
        if (!File.Exists(path)) return Layout.Missing("No Retrain decision yet (reports/retrain.json): ./build.sh Retrain writes one each time it runs.");
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var r = json.RootElement;
            var trigger = r.GetProperty("trigger");
            var result = r.GetProperty("result");
            var retrain = r.GetProperty("retrain").GetBoolean();
            (string, Markup)[] rows =
            [
                ("Time", Markup.Of($"{Text(r, "time")}")),
                ("Decision", Markup.Of($"<strong id=\"retrain-decision\">{(retrain ? "retrain" : "no retraining")}</strong>")),
                ("Monitoring verdict", Markup.Of($"{Text(trigger, "verdict")}")),
                ("Reasons", Markup.Of($"{string.Join("; ", Strings(trigger, "reasons"))}")),
                ("Drifted features", Markup.Of($"{string.Join(", ", Strings(trigger, "drifted_features"))}")),
                ("Exit code", Markup.Of($"{(result.TryGetProperty("exit_code", out var exit) && exit.ValueKind == JsonValueKind.Number ? exit.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")}")),
                ("Production before → after", Markup.Of($"{Text(result, "production_before") ?? "none"} → {Text(result, "production_after") ?? "none"}")),
                ("Commit", Markup.Of($"{Text(result, "commit") ?? "-"}")),
            ];
            return Markup.Of($"<table id=\"retrain\"><tbody>{rows.Select(x => Markup.Of($"<tr><th scope=\"row\">{x.Item1}</th><td>{x.Item2}</td></tr>"))}</tbody></table>");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException or FormatException)
        {
            return Layout.Missing($"reports/retrain.json cannot be read ({e.Message}); the next ./build.sh Retrain writes it again.");
        }
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IEnumerable<string> Strings(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(e => e.GetString() ?? "") : [];
}
