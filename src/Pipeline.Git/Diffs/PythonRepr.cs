using System.Collections;
using System.Globalization;
using System.Text;
using Pipeline.Engine.Serialization;

namespace Pipeline.Git.Diffs;

/// <summary>Python's <c>str()</c> of a value tree (<c>[1, 'a', True, None, 0.1]</c>), which DVC uses to compare lists in diffs.</summary>
internal static class PythonRepr
{
    /// <summary>The Python <c>str()</c> text of <paramref name="value"/> (a string at top level is itself, nested strings are quoted).</summary>
    public static string Str(object? value) => value is string s ? s : Repr(value);

    /// <summary>The Python <c>repr()</c> text of <paramref name="value"/>.</summary>
    public static string Repr(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    /// <summary>Python's <c>repr(float)</c>: like JSON but <c>inf</c>/<c>nan</c>.</summary>
    public static string Float(double d) =>
        double.IsNaN(d) ? "nan" : double.IsPositiveInfinity(d) ? "inf" : double.IsNegativeInfinity(d) ? "-inf" : PythonJson.FormatFloat(d);

    private static void Write(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("None"); break;
            case bool b: sb.Append(b ? "True" : "False"); break;
            case string s: WriteString(sb, s); break;
            case double d: sb.Append(Float(d)); break;
            case float f: sb.Append(Float(f)); break;
            case IFormattable n: sb.Append(n.ToString(null, CultureInfo.InvariantCulture)); break;
            case OrderedMap map: WriteMap(sb, map); break;
            case IEnumerable items: WriteList(sb, items); break;
            default: sb.Append(value); break;
        }
    }

    private static void WriteList(StringBuilder sb, IEnumerable items)
    {
        sb.Append('[');
        var first = true;
        foreach (var item in items)
        {
            if (!first) sb.Append(", ");
            first = false;
            Write(sb, item);
        }
        sb.Append(']');
    }

    private static void WriteMap(StringBuilder sb, OrderedMap map)
    {
        sb.Append('{');
        var first = true;
        foreach (var (key, val) in map)
        {
            if (!first) sb.Append(", ");
            first = false;
            WriteString(sb, key);
            sb.Append(": ");
            Write(sb, val);
        }
        sb.Append('}');
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        // NOTE: Python prefers single quotes and switches to double quotes only when the text has ' but no ".
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        sb.Append(quote);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote) sb.Append('\\').Append(c);
                    else if (c < 0x20 || c == 0x7F) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append(quote);
    }
}
