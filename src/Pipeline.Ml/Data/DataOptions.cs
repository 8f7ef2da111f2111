using Pipeline.Formats.Params;
namespace Pipeline.Ml.Data;

/// <summary>
/// The <c>data</c> section of params.yaml: what the dataset is, shared by every stage. <c>label</c> (required, except
/// for recommendation, where unset means implicit feedback: every row is an interaction),
/// <c>task</c>: binary | multiclass | regression | recommendation (required), <c>key</c> (a unique row key; none),
/// <c>positive_class</c> (of a binary label; default the second sorted class); for recommendation <c>user</c>,
/// <c>item</c> (required) and <c>time</c> (orders each user's interactions for the split; none: a seeded random split).
/// </summary>
public sealed record DataOptions
{
    /// <summary>The documented keys of the <c>data</c> section.</summary>
    public static readonly IReadOnlyList<string> Keys = ["label", "task", "key", "positive_class", "user", "item", "time"];

    /// <summary>The label column (<c>data.label</c>); empty for a recommendation task without one (implicit feedback).</summary>
    public required string Label { get; init; }

    /// <summary>The task (<c>data.task</c>).</summary>
    public required MlTask Task { get; init; }

    /// <summary>The column whose values are unique per row (<c>data.key</c>; null: none).</summary>
    public string? Key { get; init; }

    /// <summary>The positive class of a binary label (<c>data.positive_class</c>; null: the second sorted class).</summary>
    public string? PositiveClass { get; init; }

    /// <summary>The user column of a recommendation dataset (<c>data.user</c>).</summary>
    public string? User { get; init; }

    /// <summary>The item column of a recommendation dataset (<c>data.item</c>).</summary>
    public string? Item { get; init; }

    /// <summary>The interaction time column of a recommendation dataset (<c>data.time</c>; null: none).</summary>
    public string? Time { get; init; }

    /// <summary>The options from the <c>data</c> section (keys relative to it); an unknown key or bad value is a <see cref="ParamException"/>.</summary>
    public static DataOptions FromParams(IReadOnlyDictionary<string, string> section)
    {
        var s = new ParamSection("data", section, Keys);
        var task = s.Text("task") is { } t ? ParseTask(t) : throw new ParamException("params.yaml data.task is not set; set it to one of: binary, multiclass, regression, recommendation.");
        return new DataOptions
        {
            Label = s.Text("label") is { Length: > 0 } label ? label
                : task == MlTask.Recommendation ? ""
                : throw new ParamException("params.yaml data.label is not set; set it to the label column (e.g. --set data.label=is_fraud)."),
            Task = task,
            Key = s.Text("key"),
            PositiveClass = s.Text("positive_class"),
            User = s.Text("user"),
            Item = s.Text("item"),
            Time = s.Text("time"),
        };
    }

    /// <summary>The task named by a <c>data.task</c> value; anything else is a <see cref="ParamException"/> listing the tasks.</summary>
    public static MlTask ParseTask(string value) => ParamValue.Choice<MlTask>("data.task", value.Trim());
}
