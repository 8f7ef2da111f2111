using Pipeline.Formats.Params;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Recommendation;

/// <summary>The columns of a recommendation dataset: <c>data.user</c>, <c>data.item</c>, <c>data.label</c> (the rating; null when unset: implicit feedback) and <c>data.time</c>.</summary>
public sealed record RecommendationColumns(string User, string Item, string? Rating, string? Time)
{
    /// <summary>The columns named by the <c>data</c> section; a missing <c>data.user</c> or <c>data.item</c> is a <see cref="ParamException"/>.</summary>
    public static RecommendationColumns From(DataOptions data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new RecommendationColumns(
            data.User ?? throw new ParamException("params.yaml data.user is not set; a recommendation task needs the user column (e.g. --set data.user=user_id)."),
            data.Item ?? throw new ParamException("params.yaml data.item is not set; a recommendation task needs the item column (e.g. --set data.item=item_id)."),
            data.Label is { Length: > 0 } label ? label : null,
            data.Time);
    }
}
