using System.Collections;
using System.Globalization;
using System.Text;

namespace Pipeline.Engine.Serialization;

/// <summary>
/// Block-style YAML writer following the PyYAML/ruamel <c>Emitter</c> for the value types DVC writes:
/// width 80, mapping indent 2, indentless sequences (a port of dvc_ref.py <c>YamlWriter</c>, docs/dvc-format.md §12).
/// </summary>
internal sealed partial class DvcYamlEmitter
{
    private const int Width = 80;
    private readonly StringBuilder _out = new();
    private int _column;
    private bool _whitespace = true;
    private bool _indention = true;
    private int _indent;

    /// <summary>Writes a whole document whose root is a mapping or a list; ends with one newline.</summary>
    public static string Dump(object? root)
    {
        var emitter = new DvcYamlEmitter();
        switch (root)
        {
            case OrderedMap { Count: 0 }:
                return "{}\n";
            case OrderedMap map:
                emitter.WriteMapping(map, 0, inlineFirst: false);
                break;
            case IList { Count: 0 }:
                return "[]\n";
            case IList list:
                emitter.WriteSequence(list, 0);
                break;
            default:
                throw new ArgumentException($"A YAML document root must be a mapping or a list, not {root?.GetType().Name ?? "null"}.", nameof(root));
        }
        emitter.NewLine();
        return emitter._out.ToString();
    }

    /// <summary>One scalar as it would follow <c>key: </c>, never folded (used to edit params.yaml lines).</summary>
    public static string InlineScalar(object? value)
    {
        var emitter = new DvcYamlEmitter();
        emitter.WriteScalar(value, fold: false);
        return emitter._out.ToString();
    }

    private void Write(int[] text, int start, int end)
    {
        for (var i = start; i < end; i++) AppendCodePoint(text[i]);
        _column += end - start;
    }

    private void AppendCodePoint(int cp)
    {
        if (cp > 0xFFFF) _out.Append(char.ConvertFromUtf32(cp));
        else _out.Append((char)cp);
    }

    private void Write(string ascii)
    {
        _out.Append(ascii);
        _column += ascii.Length;
    }

    private void NewLine()
    {
        _out.Append('\n');
        _column = 0;
        _whitespace = true;
        _indention = true;
    }

    private void WriteIndent()
    {
        if (!_indention || _column > _indent || (_column == _indent && !_whitespace)) NewLine();
        if (_column < _indent)
        {
            _whitespace = true;
            _out.Append(' ', _indent - _column);
            _column = _indent;
        }
    }

    private void WriteIndicator(string indicator, bool needWhitespace, bool whitespace = false, bool indention = false)
    {
        var data = _whitespace || !needWhitespace ? indicator : " " + indicator;
        _whitespace = whitespace;
        _indention = _indention && indention;
        Write(data);
    }

    private static (string Text, bool IsString) ScalarText(object? value) => value switch
    {
        null => ("", false),
        bool b => (b ? "true" : "false", false),
        long or int or short or byte or ulong or uint => (Convert.ToString(value, CultureInfo.InvariantCulture)!, false),
        double d => (DvcYamlScalar.FormatFloat(d), false),
        float f => (DvcYamlScalar.FormatFloat(f), false),
        string s => (s, true),
        _ => throw new ArgumentException($"Cannot write a {value.GetType().Name} as a YAML scalar.", nameof(value)),
    };

    private void WriteScalar(object? value, bool simpleKey = false, bool fold = true)
    {
        var (text, isString) = ScalarText(value);
        var implicitPlain = !isString || (text.Length > 0 && DvcYamlScalar.ResolvesToString(text));
        var cps = DvcYamlAnalysis.CodePoints(text);
        var analysis = DvcYamlAnalysis.Of(cps);
        var split = !simpleKey && fold;
        if (implicitPlain && analysis.Plain && !(simpleKey && (analysis.Empty || analysis.Multiline)))
        {
            if (!isString || !analysis.Empty) WritePlain(cps, split);
            return;
        }
        if (analysis.Single && !(simpleKey && analysis.Multiline)) WriteSingleQuoted(cps, split);
        else WriteDoubleQuoted(cps, split);
    }

    private void WriteValue(object? value)
    {
        switch (value)
        {
            case OrderedMap { Count: > 0 } map:
                WriteMapping(map, _indent + 2, inlineFirst: false);
                break;
            case IList { Count: > 0 } list:
                WriteSequence(list, _indent);
                break;
            case OrderedMap:
                WriteIndicator("{", true, whitespace: true);
                WriteIndicator("}", false);
                break;
            case IList:
                WriteIndicator("[", true, whitespace: true);
                WriteIndicator("]", false);
                break;
            default:
                var saved = _indent;
                _indent = saved + 2;
                WriteScalar(value);
                _indent = saved;
                break;
        }
    }

    private void WriteMapping(OrderedMap map, int indent, bool inlineFirst)
    {
        var saved = _indent;
        _indent = indent;
        var first = true;
        foreach (var (key, value) in map)
        {
            if (!(first && inlineFirst)) WriteIndent();
            first = false;
            WriteScalar(key, simpleKey: true);
            WriteIndicator(":", false);
            WriteValue(value);
        }
        _indent = saved;
    }

    private void WriteSequence(IList list, int indent)
    {
        var saved = _indent;
        _indent = indent;
        foreach (var item in list)
        {
            WriteIndent();
            WriteIndicator("-", true, indention: true);
            if (item is OrderedMap { Count: > 0 } map) WriteMapping(map, indent + 2, inlineFirst: true);
            else if (item is IList { Count: > 0 } inner) WriteSequence(inner, indent + 2);
            else WriteValue(item);
        }
        _indent = saved;
    }
}
