using System.Text;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Gate;

/// <summary>The outcome of the deploy gate: every condition, and a printable table.</summary>
public sealed record GateResult(IReadOnlyList<GateCondition> Conditions)
{
    /// <summary>True when every condition passed (a gate without conditions passes).</summary>
    public bool Passed => Conditions.All(c => c.Passed);

    /// <summary>The failed conditions.</summary>
    public IEnumerable<GateCondition> Failed => Conditions.Where(c => !c.Passed);

    /// <summary>A fixed-width table: condition, metric, value, threshold, result, note.</summary>
    public string ToTable()
    {
        var rows = Conditions.Select(c => new[] { c.Condition, c.Metric, RoundedNumber.Text(c.Value), RoundedNumber.Text(c.Threshold), c.Passed ? "pass" : "FAIL", c.Note }).ToList();
        string[] header = ["condition", "metric", "value", "threshold", "result", "note"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.Append(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>One line per failed condition with its value and threshold, for the error message.</summary>
    public string FailureMessage() =>
        "Deploy gate failed: " + string.Join("; ", Failed.Select(c => $"{c.Condition} {c.Metric}: value {RoundedNumber.Text(c.Value)}, threshold {RoundedNumber.Text(c.Threshold)}{(c.Note.Length > 0 ? " (" + c.Note + ")" : "")}"))
        + ". Nothing was deployed; improve the model (e.g. a larger train.budget) or change the gate in params.yaml.";
}
