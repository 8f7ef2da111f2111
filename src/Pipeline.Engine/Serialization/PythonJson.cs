using System.Collections;
using System.Globalization;
using System.Text;

namespace Pipeline.Engine.Serialization;

/// <summary>Writes a value tree exactly as Python's <c>json.dumps(value, sort_keys=True)</c> does (dvc-format.md §18.3).</summary>
internal static class PythonJson
{
    /// <summary>Python <c>json.dumps</c> with default separators, <c>ensure_ascii</c> and float <c>repr</c>; keys sorted by code point when <paramref name="sortKeys"/>.</summary>
    public static string Dumps(object? value, bool sortKeys = true)
    {
        var sb = new StringBuilder();
        Write(sb, value, sortKeys);
        return sb.ToString();
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
            case long or int or short or byte or ulong or uint:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case OrderedMap map:
                var items = map.ToList();
                if (sortKeys) items.Sort((a, b) => CompareCodePoints(a.Key, b.Key));
                sb.Append('{');
                for (var i = 0; i < items.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    WriteString(sb, items[i].Key);
                    sb.Append(": ");
                    Write(sb, items[i].Value, sortKeys);
                }
                sb.Append('}');
                break;
            case IList list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Write(sb, list[i], sortKeys);
                }
                sb.Append(']');
                break;
            default:
                throw new ArgumentException($"Cannot write a {value.GetType().Name} as JSON.", nameof(value));
        }
    }

    private static string FormatFloat(double d) =>
        double.IsNaN(d) ? "NaN"
        : double.IsPositiveInfinity(d) ? "Infinity"
        : double.IsNegativeInfinity(d) ? "-Infinity"
        : DvcYamlScalar.PythonRepr(d);

    private static void WriteString(StringBuilder sb, string s)
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
                    // NOTE: UTF-16 units map one to one onto Python's \uXXXX escapes (surrogate pairs included).
                    if (c < 0x20 || c >= 0x7F) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>Python's string order: by code point (differs from UTF-16 ordinal order above U+FFFF).</summary>
    private static int CompareCodePoints(string a, string b)
    {
        var x = DvcYamlAnalysis.CodePoints(a);
        var y = DvcYamlAnalysis.CodePoints(b);
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            if (x[i] != y[i]) return x[i].CompareTo(y[i]);
        return x.Length.CompareTo(y.Length);
    }
}
