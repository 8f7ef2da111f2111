using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Engine.Serialization;

/// <summary>
/// Scalar rules shared by the DVC YAML writer and reader: the YAML 1.2 implicit resolvers of ruamel.yaml
/// (which plain texts are not strings) and Python's float <c>repr</c>.
/// </summary>
internal static partial class DvcYamlScalar
{
    [GeneratedRegex("^(?:true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex Bool();

    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex Float();

    [GeneratedRegex("^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$")]
    private static partial Regex Int();

    [GeneratedRegex("^(?:~|null|Null|NULL|)$")]
    private static partial Regex Null();

    [GeneratedRegex(@"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$")]
    private static partial Regex Timestamp();

    /// <summary>True when a plain scalar with this text would be read back as a string (not null, bool, number, timestamp or merge key).</summary>
    public static bool ResolvesToString(string text)
    {
        if (Null().IsMatch(text)) return false;
        var c = text[0];
        if ("tTfF".Contains(c) && Bool().IsMatch(text)) return false;
        if ("-+0123456789.".Contains(c) && Float().IsMatch(text)) return false;
        if ("-+0123456789".Contains(c) && Int().IsMatch(text)) return false;
        if (char.IsAsciiDigit(c) && Timestamp().IsMatch(text)) return false;
        return text is not ("<<" or "=");
    }

    /// <summary>
    /// The value of a plain (unquoted) scalar: null, bool, long, double or the text itself.
    /// NOTE: timestamps stay strings (Python would build a datetime, which DVC cannot hash anyway).
    /// </summary>
    public static object? ResolvePlain(string text)
    {
        if (Null().IsMatch(text)) return null;
        var c = text[0];
        if ("tTfF".Contains(c) && Bool().IsMatch(text)) return text[0] is 't' or 'T';
        if ("-+0123456789".Contains(c) && Int().IsMatch(text) && TryParseInt(text, out var l)) return l;
        if ("-+0123456789.".Contains(c) && Float().IsMatch(text)) return ParseFloat(text);
        return text;
    }

    private static bool TryParseInt(string text, out long value)
    {
        var s = text.Replace("_", "");
        var negative = s.StartsWith('-');
        if (s[0] is '-' or '+') s = s[1..];
        var (digits, radix) = s switch
        {
            _ when s.StartsWith("0b") => (s[2..], 2),
            _ when s.StartsWith("0x") => (s[2..], 16),
            _ when s.StartsWith("0o") => (s[2..], 8),
            _ => (s, 10),
        };
        value = 0;
        if (digits.Length == 0) return false;
        try
        {
            foreach (var d in digits)
                value = checked(value * radix + Convert.ToInt32(d.ToString(), 16));
        }
        catch (OverflowException)
        {
            return false;
        }
        if (negative) value = -value;
        return true;
    }

    private static double ParseFloat(string text)
    {
        var s = text.Replace("_", "");
        var lower = s.ToLowerInvariant();
        if (lower.EndsWith(".nan")) return double.NaN;
        if (lower.EndsWith(".inf")) return lower.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
        return double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>A float as ruamel writes it: Python <c>repr</c> lowercased, <c>.inf</c>, <c>-.inf</c>, <c>.nan</c>.</summary>
    public static string FormatFloat(double value) =>
        double.IsNaN(value) ? ".nan"
        : double.IsPositiveInfinity(value) ? ".inf"
        : double.IsNegativeInfinity(value) ? "-.inf"
        : PythonRepr(value);

    /// <summary>Python's <c>repr(float)</c> for finite values.</summary>
    public static string PythonRepr(double value) => PythonJson.FormatFloat(value);
}
