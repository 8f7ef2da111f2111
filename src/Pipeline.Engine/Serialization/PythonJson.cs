using System.Collections;
using System.Globalization;
using System.Text;
using Pipeline.Engine.Hashing;

namespace Pipeline.Engine.Serialization;

/// <summary>Writes a value tree exactly as Python's <c>json.dumps(value, sort_keys=True)</c> does (docs/dvc-format.md §18.3).</summary>
public static class PythonJson
{
    /// <summary>
    /// Serializes <paramref name="value"/> with Python's defaults: <c>", "</c> and <c>": "</c> separators,
    /// <c>ensure_ascii</c>, floats as Python <c>repr</c>. Values: null, bool, integers, double/float,
    /// string, <see cref="OrderedMap"/>, string-keyed dictionaries and other enumerables (as lists).
    /// </summary>
    public static string Dumps(object? value, bool sortKeys = true)
    {
        var sb = new StringBuilder();
        Write(sb, value, sortKeys);
        return sb.ToString();
    }

    /// <summary>Appends <paramref name="s"/> as a quoted JSON string with Python's <c>ensure_ascii</c> escaping.</summary>
    public static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    // NOTE: UTF-16 code units are exactly what Python emits for astral chars (a surrogate pair).
                    if (c < 0x20 || c >= 0x7F) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>Formats a double as Python's <c>repr(float)</c> (json.dumps spelling for inf and nan).</summary>
    public static string FormatFloat(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        var sign = double.IsNegative(d) ? "-" : "";
        if (d == 0) return sign + "0.0";

        // NOTE: .NET's "R" gives the shortest round-trip digits; only the layout differs from Python.
        var r = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E');
        var exponent = e < 0 ? 0 : int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? r : r[..e];
        var dot = mantissa.IndexOf('.');
        var intPart = dot < 0 ? mantissa : mantissa[..dot];
        var all = dot < 0 ? mantissa : intPart + mantissa[(dot + 1)..];
        var lead = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        var decpt = intPart.Length - lead + exponent; // value = 0.<digits> * 10^decpt

        if (decpt is <= -4 or > 16)
        {
            var m = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
            var x = decpt - 1;
            return sign + m + "e" + (x < 0 ? "-" : "+") + Math.Abs(x).ToString("00", CultureInfo.InvariantCulture);
        }
        if (decpt <= 0) return sign + "0." + new string('0', -decpt) + digits;
        if (decpt >= digits.Length) return sign + digits + new string('0', decpt - digits.Length) + ".0";
        return sign + digits[..decpt] + "." + digits[decpt..];
    }

    private static void Write(StringBuilder sb, object? value, bool sortKeys)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case string s: WriteString(sb, s); break;
            case double d: sb.Append(FormatFloat(d)); break;
            case float f: sb.Append(FormatFloat(f)); break;
            case decimal m: sb.Append(FormatFloat((double)m)); break;
            case long or int or short or sbyte or byte or ushort or uint or ulong or System.Numerics.BigInteger:
                sb.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            case OrderedMap map: WriteObject(sb, map, sortKeys); break;
            case IEnumerable<KeyValuePair<string, object?>> pairs: WriteObject(sb, pairs, sortKeys); break;
            case IDictionary dict: WriteObject(sb, dict.Keys.Cast<object>().Select(k => new KeyValuePair<string, object?>(Convert.ToString(k, CultureInfo.InvariantCulture)!, dict[k])), sortKeys); break;
            case IEnumerable items: WriteList(sb, items, sortKeys); break;
            default: throw new ArgumentException($"PythonJson cannot serialize a value of type '{value.GetType()}'; use null, bool, integers, double, string, lists or OrderedMap.", nameof(value));
        }
    }

    private static void WriteList(StringBuilder sb, IEnumerable items, bool sortKeys)
    {
        sb.Append('[');
        var first = true;
        foreach (var item in items)
        {
            if (!first) sb.Append(", ");
            first = false;
            Write(sb, item, sortKeys);
        }
        sb.Append(']');
    }

    private static void WriteObject(StringBuilder sb, IEnumerable<KeyValuePair<string, object?>> pairs, bool sortKeys)
    {
        var items = sortKeys ? pairs.OrderBy(p => p.Key, CodePointComparer.Instance) : pairs;
        sb.Append('{');
        var first = true;
        foreach (var (key, val) in items)
        {
            if (!first) sb.Append(", ");
            first = false;
            WriteString(sb, key);
            sb.Append(": ");
            Write(sb, val, sortKeys);
        }
        sb.Append('}');
    }
}
