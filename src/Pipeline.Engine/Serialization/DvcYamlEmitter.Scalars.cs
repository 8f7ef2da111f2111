using System.Globalization;

namespace Pipeline.Engine.Serialization;

/// <summary>Plain, single-quoted and double-quoted scalar writers with folding at width 80.</summary>
internal sealed partial class DvcYamlEmitter
{
    private static readonly Dictionary<int, char> Escapes = new()
    {
        [0] = '0', [0x07] = 'a', [0x08] = 'b', [0x09] = 't', [0x0A] = 'n', [0x0B] = 'v', [0x0C] = 'f', [0x0D] = 'r',
        [0x1B] = 'e', ['"'] = '"', ['\\'] = '\\', [0x85] = 'N', [0xA0] = '_', [0x2028] = 'L', [0x2029] = 'P',
    };

    private void WritePlain(int[] text, bool split)
    {
        if (text.Length == 0) return;
        if (!_whitespace) Write(" ");
        _whitespace = false;
        _indention = false;
        var spaces = false;
        int start = 0, end = 0;
        while (end <= text.Length)
        {
            int? ch = end < text.Length ? text[end] : null;
            if (spaces)
            {
                if (ch != ' ')
                {
                    if (start + 1 == end && _column > Width && split)
                    {
                        WriteIndent();
                        _whitespace = false;
                        _indention = false;
                    }
                    else
                    {
                        Write(text, start, end);
                    }
                    start = end;
                }
            }
            else if (ch is null or ' ')
            {
                Write(text, start, end);
                start = end;
            }
            if (ch is not null) spaces = ch == ' ';
            end++;
        }
    }

    private void WriteSingleQuoted(int[] text, bool split)
    {
        WriteIndicator("'", true);
        bool spaces = false, breaks = false;
        int start = 0, end = 0;
        while (end <= text.Length)
        {
            int? ch = end < text.Length ? text[end] : null;
            if (spaces)
            {
                if (ch != ' ')
                {
                    if (start + 1 == end && _column > Width && split && start != 0 && end != text.Length) WriteIndent();
                    else Write(text, start, end);
                    start = end;
                }
            }
            else if (breaks)
            {
                if (ch is null || !DvcYamlAnalysis.IsBreak(ch.Value))
                {
                    if (text[start] == '\n') NewLine();
                    for (var i = start; i < end; i++)
                    {
                        if (text[i] == '\n')
                        {
                            NewLine();
                        }
                        else
                        {
                            AppendCodePoint(text[i]);
                            _column = 0;
                        }
                    }
                    WriteIndent();
                    start = end;
                }
            }
            else if ((ch is null || ch == ' ' || DvcYamlAnalysis.IsBreak(ch.Value) || ch == '\'') && start < end)
            {
                Write(text, start, end);
                start = end;
            }
            if (ch == '\'')
            {
                Write("''");
                start = end + 1;
            }
            if (ch is not null)
            {
                spaces = ch == ' ';
                breaks = DvcYamlAnalysis.IsBreak(ch.Value);
            }
            end++;
        }
        WriteIndicator("'", false);
    }

    private void WriteDoubleQuoted(int[] text, bool split)
    {
        WriteIndicator("\"", true);
        int start = 0, end = 0;
        while (end <= text.Length)
        {
            int? ch = end < text.Length ? text[end] : null;
            if (ch is null || ch is '"' or '\\' or 0x85 or 0x2028 or 0x2029 or 0xFEFF
                || !(ch is >= 0x20 and <= 0x7E || ch is >= 0xA0 and <= 0xD7FF || ch is >= 0xE000 and <= 0xFFFD))
            {
                if (start < end)
                {
                    Write(text, start, end);
                    start = end;
                }
                if (ch is { } c)
                {
                    Write(Escape(c));
                    start = end + 1;
                }
            }
            if (end > 0 && end < text.Length - 1 && (ch == ' ' || start >= end) && _column + (end - start) > Width && split)
            {
                Write(text, start, end);
                Write("\\");
                if (start < end) start = end;
                WriteIndent();
                _whitespace = false;
                _indention = false;
                if (text[start] == ' ') Write("\\");
            }
            end++;
        }
        WriteIndicator("\"", false);
    }

    private static string Escape(int c) =>
        Escapes.TryGetValue(c, out var e) ? "\\" + e
        : c <= 0xFF ? "\\x" + c.ToString("X2", CultureInfo.InvariantCulture)
        : c <= 0xFFFF ? "\\u" + c.ToString("X4", CultureInfo.InvariantCulture)
        : "\\U" + c.ToString("X8", CultureInfo.InvariantCulture);
}
