using System.Globalization;
using System.Text.Json;
using Pipeline.Engine.Primitives;
using Pipeline.Ml.Data;
using Pipeline.Ml.Gate;

namespace Pipeline.Serving.Models;

/// <summary>
/// The ground-truth labels a model's feedback may carry: one of its classes (binary: also true/false, 0/1, yes/no
/// when its classes are such), or a finite number for regression. Checked when feedback arrives, so the log never
/// holds a label the retraining loop cannot use.
/// </summary>
internal sealed class LabelSpace(string model, ModelVersion version, MlTask task, IReadOnlyList<string> classes)
{
    private static readonly string[] YesNo = ["true", "false", "1", "0", "yes", "no"];
    private readonly HashSet<string> known = new(classes, StringComparer.Ordinal);

    /// <summary>The label as stored (booleans as <c>true</c>/<c>false</c>), or a rejection naming <paramref name="where"/>.</summary>
    public string Parse(JsonElement label, string where)
    {
        var text = label.ValueKind switch
        {
            JsonValueKind.String => JsonText.String(label, where),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => label.GetRawText(),
            _ => throw RequestRejectedException.Invalid($"{where}: must be {Expected()}, not {label.ValueKind.ToString().ToLowerInvariant()}."),
        };
        return Accepts(text, label.ValueKind)
            ? text
            : throw RequestRejectedException.Invalid($"{where}: {Quote(text)} is not a label of {model} {version} ({task.ToString().ToLowerInvariant()}): expected {Expected()}.");
    }

    private bool Accepts(string text, JsonValueKind kind) => task switch
    {
        MlTask.Regression or MlTask.Recommendation => kind != JsonValueKind.True && kind != JsonValueKind.False
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value),
        MlTask.Binary => known.Contains(text) || (YesNoClasses && YesNo.Contains(text.Trim().ToLowerInvariant())),
        _ => known.Count == 0 ? text.Trim().Length > 0 && kind != JsonValueKind.True && kind != JsonValueKind.False : known.Contains(text),
    };

    // NOTE: a binary model whose classes are spelled true/false or 0/1 (or that has no schema.yaml) takes any of the
    // yes/no spellings, which the pipeline's feedback ingest maps to the snapshot's own; other spellings must match.
    private bool YesNoClasses => known.All(c => YesNo.Contains(c.ToLowerInvariant()));

    private string Expected() => task switch
    {
        MlTask.Regression => "a number",
        MlTask.Binary when YesNoClasses => "true or false (or 1/0, yes/no" + (known.Count > 0 ? ", " + string.Join(", ", known.Order(StringComparer.Ordinal)) : "") + ")",
        _ when known.Count == 0 => "a class name",
        _ => "one of " + string.Join(", ", known.Order(StringComparer.Ordinal)),
    };

    private static string Quote(string text) => text.Length > 40 ? $"'{text[..40]}…'" : $"'{text}'";
}
