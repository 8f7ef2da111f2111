using System.Globalization;

namespace Pipeline.Ml.Data;

/// <summary>
/// How metric values appear in outputs and reports: rounded to <see cref="Decimals"/> decimals, -0 as 0, invariant
/// culture, so tiny floating-point differences between runs or platforms do not change a file's bytes.
/// </summary>
internal static class RoundedNumber
{
    /// <summary>The decimals kept.</summary>
    public const int Decimals = 6;

    /// <summary>The value rounded to <see cref="Decimals"/> decimals, with -0 turned into 0.</summary>
    // NOTE: adding 0.0 turns -0 into +0, which would otherwise print as "-0".
    public static double Value(double value) => Math.Round(value, Decimals) + 0.0;

    /// <summary>Readable text for tables and HTML (<c>0.123457</c>, no trailing zeros); <c>n/a</c> for NaN and infinities.</summary>
    public static string Text(double value) =>
        double.IsFinite(value) ? Value(value).ToString("0.######", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>The CSV field of a value: shortest round-trip text of the rounded value; empty (missing) for NaN.</summary>
    public static string Csv(double value) => SnapshotValue.Format(Value(value)) ?? "";
}
