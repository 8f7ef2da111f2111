using System.Collections;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Serialization;

namespace Pipeline.Engine.Params;

/// <summary>
/// Edits block-style params.yaml text line by line (<c>--set key=value</c>): replaces one scalar or appends missing keys,
/// keeping comments, order and indentation of everything else.
/// </summary>
internal static class ParamsEditor
{
    /// <summary>See <see cref="ParamsFile.ApplySet"/>.</summary>
    public static string ApplySet(string text, string dottedKey, string value)
    {
        var segments = dottedKey.Split('.');
        if (segments.Any(s => s.Length == 0)) throw new UsageException($"Parameter key '{dottedKey}' has an empty part; use a dotted key like train.lr.");
        var scalar = ValueText(dottedKey, value);
        object? node = ParamsFile.Parse(text).Root;
        var newline = text.Contains("\r\n") ? "\r\n" : "\n";
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int start = 0, end = lines.Count, parentIndent = -1, keyLine = -1;
        for (var i = 0; i < segments.Length; i++)
        {
            var path = string.Join('.', segments[..(i + 1)]);
            var map = (OrderedMap)node!;
            if (!map.TryGetValue(segments[i], out var child))
            {
                Insert(lines, start, end, parentIndent, keyLine, segments[i..], scalar);
                return Finish(lines, newline, dottedKey);
            }
            keyLine = FindKey(lines, start, end, parentIndent, segments[i]);
            if (keyLine < 0) throw CannotEdit(dottedKey, $"key '{path}' is not written in block style");
            var (afterColon, (valueText, comment)) = Split(lines[keyLine]);
            if (i == segments.Length - 1)
            {
                if (child is OrderedMap or IList)
                    throw new UsageException($"Parameter '{dottedKey}' holds a {(child is IList ? "list" : "mapping")}, not a single value; set its entries one by one (e.g. --set {dottedKey}.<key>=value) or edit the file.");
                lines[keyLine] = lines[keyLine][..afterColon] + " " + scalar + comment;
                RemoveContinuation(lines, keyLine, valueText);
                return Finish(lines, newline, dottedKey);
            }
            if (child is null)
            {
                lines[keyLine] = lines[keyLine][..afterColon] + comment;
                child = new OrderedMap();
            }
            else if (child is not OrderedMap) throw new UsageException($"Cannot set '{dottedKey}': '{path}' is a {(child is IList ? "list" : "value")}, not a section of parameters.");
            else if (valueText.Length > 0) throw CannotEdit(dottedKey, $"section '{path}' is written in flow style");
            parentIndent = ParamsLine.Indent(lines[keyLine]);
            start = keyLine + 1;
            end = ScopeEnd(lines, start, parentIndent);
            node = child;
        }
        throw new InvalidOperationException("unreachable");
    }

    private static string ValueText(string key, string value)
    {
        var t = value.Trim();
        if (t.Contains('\n') || t.Contains('\r')) throw new UsageException($"The value of '{key}' spans several lines; --set takes a single value.");
        if (t.Length == 0) return "''";
        if (t[0] is '[' or '{') throw new UsageException($"The value '{t}' of '{key}' is a list or mapping; --set takes a single value. Edit params.yaml for structured values.");
        if (t[0] is '\'' or '"')
        {
            try
            {
                if (DvcYaml.Parse("v: " + t) is OrderedMap { Count: 1 } m && m["v"] is string) return t;
            }
            catch (YamlDotNet.Core.YamlException)
            {
            }
            throw new UsageException($"The value {t} of '{key}' is not a valid quoted YAML string.");
        }
        return DvcYamlScalar.ResolvePlain(t) is string s ? DvcYaml.EmitScalar(s) : t;
    }

    private static (int AfterColon, (string Value, string Comment)) Split(string line)
    {
        var afterColon = ParamsLine.Key(line)!.Value.AfterColon;
        return (afterColon, ParamsLine.ValueAndComment(line[afterColon..]));
    }

    private static int FindKey(List<string> lines, int start, int end, int parentIndent, string key)
    {
        var childIndent = ChildIndent(lines, start, end, parentIndent);
        for (var i = start; i < end; i++)
        {
            if (!ParamsLine.IsContent(lines[i]) || ParamsLine.Indent(lines[i]) != childIndent) continue;
            if (ParamsLine.Key(lines[i]) is { } k && k.Key == key) return i;
        }
        return -1;
    }

    private static int? ChildIndent(List<string> lines, int start, int end, int parentIndent)
    {
        for (var i = start; i < end; i++)
            if (ParamsLine.IsContent(lines[i]) && ParamsLine.Indent(lines[i]) > parentIndent) return ParamsLine.Indent(lines[i]);
        return null;
    }

    private static int ScopeEnd(List<string> lines, int start, int parentIndent)
    {
        for (var i = start; i < lines.Count; i++)
            if (ParamsLine.IsContent(lines[i]) && ParamsLine.Indent(lines[i]) <= parentIndent) return i;
        return lines.Count;
    }

    private static void Insert(List<string> lines, int start, int end, int parentIndent, int keyLine, string[] segments, string scalar)
    {
        var step = IndentStep(lines);
        var indent = ChildIndent(lines, start, end, parentIndent) ?? parentIndent + (parentIndent < 0 ? 1 : step);
        var after = keyLine;
        for (var i = start; i < end; i++)
            if (lines[i].Trim().Length > 0 && ParamsLine.Indent(lines[i]) > parentIndent && lines[i].Trim() is not ("---" or "...")) after = i;
        var added = segments.Select((s, j) =>
            new string(' ', indent + j * step) + DvcYaml.EmitScalar(s) + ":" + (j == segments.Length - 1 ? " " + scalar : ""));
        if (after == lines.Count - 1) lines.Add("");
        lines.InsertRange(after + 1, added);
    }

    private static int IndentStep(List<string> lines)
    {
        var indents = lines.Where(l => ParamsLine.IsContent(l) && ParamsLine.Key(l) is not null).Select(ParamsLine.Indent).Where(i => i > 0);
        return indents.DefaultIfEmpty(2).Min();
    }

    private static void RemoveContinuation(List<string> lines, int keyLine, string oldValue)
    {
        var keyIndent = ParamsLine.Indent(lines[keyLine]);
        var block = oldValue.Length > 0 && oldValue[0] is '|' or '>';
        var last = keyLine;
        for (var i = keyLine + 1; i < lines.Count; i++)
        {
            var t = lines[i].Trim();
            if (t.Length == 0) continue;
            if (ParamsLine.Indent(lines[i]) <= keyIndent || (!block && t[0] == '#')) break;
            last = i;
        }
        lines.RemoveRange(keyLine + 1, last - keyLine);
    }

    private static string Finish(List<string> lines, string newline, string dottedKey)
    {
        var text = string.Join(newline, lines);
        if (!ParamsFile.Parse(text).TryGet(dottedKey, out var v) || v is OrderedMap or IList)
            throw CannotEdit(dottedKey, "the edited file would not hold it as a value");
        return text;
    }

    private static UsageException CannotEdit(string key, string reason) =>
        new($"Cannot set '{key}' in params.yaml automatically: {reason}. Edit the file by hand.");
}
