using System.Globalization;
using System.Text.Json;

namespace Pipeline.Serving.Models;

/// <summary>
/// Converts one JSON value to a feature's raw value (boxed float, double, int, long, bool or ReadOnlyMemory&lt;char&gt;;
/// null = missing), refusing wrong types, non-finite numbers and missing values the schema does not allow.
/// The <c>where</c> argument names the field in messages, e.g. <c>instances[0].amount</c>.
/// </summary>
internal static class FeatureValue
{
    /// <summary>Converts a JSON element for <paramref name="column"/>.</summary>
    public static object? FromJson(FeatureColumn column, JsonElement value, string where) => value.ValueKind switch
    {
        JsonValueKind.Null => Missing(column, where),
        JsonValueKind.Number when column.Type is FeatureType.Single => Number(column, value, where) is var d && Math.Abs(d) <= float.MaxValue ? (float)d : throw Invalid(where, $"{value.GetRawText()} is out of the Single range"),
        JsonValueKind.Number when column.Type is FeatureType.Double => Number(column, value, where),
        JsonValueKind.Number when column.Type is FeatureType.Int32 => value.TryGetInt32(out var i) ? i : throw Invalid(where, $"expected a 32-bit integer, got {value.GetRawText()}"),
        JsonValueKind.Number when column.Type is FeatureType.Int64 => value.TryGetInt64(out var l) ? l : throw Invalid(where, $"expected a 64-bit integer, got {value.GetRawText()}"),
        JsonValueKind.True or JsonValueKind.False when column.Type is FeatureType.Boolean => value.GetBoolean(),
        JsonValueKind.String when column.Type is FeatureType.Text => JsonText.String(value, where).AsMemory(),
        _ => throw Invalid(where, $"expected {Expected(column.Type)}, got {Describe(value.ValueKind)}"),
    };

    /// <summary>Checks a number from a binary tensor (NaN only where missing values are allowed).</summary>
    public static double Finite(FeatureColumn column, double value, string where)
    {
        if (double.IsNaN(value))
        {
            Missing(column, where);
            return value;
        }

        return double.IsInfinity(value) ? throw Invalid(where, "infinite values are not allowed") : value;
    }

    private static double Number(FeatureColumn column, JsonElement value, string where) =>
        value.TryGetDouble(out var d) && double.IsFinite(d) ? Finite(column, d, where) : throw Invalid(where, $"{value.GetRawText()} is out of the Double range");

    /// <summary>The missing value (null) when allowed; otherwise a rejection naming the field.</summary>
    public static object? Missing(FeatureColumn column, string where) =>
        column.CanBeMissing && column.Nullable
            ? null
            : throw Invalid(where, column.CanBeMissing
                ? "a missing value (null or NaN) is not allowed for this feature: the training data had none"
                : $"a missing value is not allowed for a {Expected(column.Type)} feature");

    /// <summary>The human name of what a feature type accepts.</summary>
    public static string Expected(FeatureType type) => type switch
    {
        FeatureType.Single or FeatureType.Double => "a number",
        FeatureType.Int32 or FeatureType.Int64 => "an integer",
        FeatureType.Boolean => "true or false",
        _ => "a string",
    };

    private static RequestRejectedException Invalid(string where, string problem) =>
        RequestRejectedException.Invalid(string.Create(CultureInfo.InvariantCulture, $"{where}: {problem}."));

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
