using Pipeline.Formats.Columns;
using Pipeline.Formats.Params;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Validation;

/// <summary>Reading the <c>validate</c> section of params.yaml into <see cref="ValidationOptions"/>.</summary>
public sealed partial record ValidationOptions
{
    /// <summary>The documented keys of the <c>validate</c> section.</summary>
    public static readonly IReadOnlyList<string> Keys =
        ["null_rate_jump", "label_shift", "range_tolerance", "max_examples", "max_categories", "text_min_length"];

    /// <summary>The documented groups of the <c>validate</c> section: <c>severity.&lt;check&gt;</c>, <c>kinds.&lt;column&gt;</c>.</summary>
    public static readonly IReadOnlyList<string> Groups = ["severity", "kinds"];

    /// <summary>
    /// These options with the <c>validate</c> section applied (keys relative to it); an unknown key, check, severity
    /// or kind, or a value out of range, is a <see cref="ParamException"/> naming it.
    /// </summary>
    public ValidationOptions WithParams(IReadOnlyDictionary<string, string> section)
    {
        var s = new ParamSection("validate", section, Keys, Groups);
        return this with
        {
            NullRateJumpThreshold = s.Number("null_rate_jump", NullRateJumpThreshold, min: 0, max: 1),
            LabelShiftThreshold = s.Number("label_shift", LabelShiftThreshold, min: 0, max: 1),
            RangeTolerance = s.Number("range_tolerance", RangeTolerance, min: 0),
            MaxExamples = s.Integer("max_examples", MaxExamples, min: 0),
            Severities = s.Group("severity").ToDictionary(p => ValidationCheckNames.Parse(p.Key), p => ValidationCheckNames.ParseSeverity(p.Key, p.Value)),
            Inference = Inference with
            {
                MaxCategories = s.Integer("max_categories", Inference.MaxCategories, min: 1),
                TextMinLength = s.Integer("text_min_length", Inference.TextMinLength, min: 1),
                Kinds = s.Group("kinds").ToDictionary(p => p.Key, p => ParamValue.Choice<ColumnKind>("validate.kinds." + p.Key, p.Value)),
            },
        };
    }
}
