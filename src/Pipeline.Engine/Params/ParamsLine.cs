namespace Pipeline.Engine.Params;

/// <summary>Reads one line of block-style YAML: its indentation, its mapping key and where its value and comment sit.</summary>
internal static class ParamsLine
{
    /// <summary>Leading spaces.</summary>
    public static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    /// <summary>True for a line that holds YAML content (not blank, not a comment, not a document marker or directive).</summary>
    public static bool IsContent(string line)
    {
        var t = line.Trim();
        return t.Length > 0 && t[0] != '#' && t != "---" && t != "..." && !(Indent(line) == 0 && t[0] == '%');
    }

    /// <summary>The mapping key of a <c>key: value</c> line and the index just after its ':'; null when the line is not a block mapping entry.</summary>
    public static (string Key, int AfterColon)? Key(string line)
    {
        var i = Indent(line);
        if (i >= line.Length) return null;
        string key;
        int end;
        if (line[i] is '\'' or '"')
        {
            var close = QuotedEnd(line, i);
            if (close < 0) return null;
            key = Unquote(line[i..(close + 1)]);
            end = close + 1;
            while (end < line.Length && line[end] is ' ' or '\t') end++;
            if (end >= line.Length || line[end] != ':') return null;
        }
        else
        {
            if (line[i] is '-' or '?' && (i + 1 == line.Length || line[i + 1] is ' ' or '\t')) return null;
            end = -1;
            for (var j = i; j < line.Length; j++)
            {
                if (line[j] == '#' && j > i && line[j - 1] is ' ' or '\t') return null;
                if (line[j] == ':' && (j + 1 == line.Length || line[j + 1] is ' ' or '\t'))
                {
                    end = j;
                    break;
                }
            }
            if (end < 0) return null;
            key = line[i..end].TrimEnd();
        }
        return (key, end + 1);
    }

    /// <summary>Splits the text after a key's ':' into the value text and the trailing comment (with the spaces before it).</summary>
    public static (string Value, string Comment) ValueAndComment(string rest)
    {
        var i = 0;
        while (i < rest.Length && rest[i] is ' ' or '\t') i++;
        var valueEnd = i;
        if (i < rest.Length && rest[i] is '\'' or '"')
        {
            var close = QuotedEnd(rest, i);
            valueEnd = close < 0 ? rest.Length : close + 1;
        }
        var hash = -1;
        for (var j = valueEnd; j < rest.Length; j++)
        {
            if (rest[j] == '#' && (j == 0 || rest[j - 1] is ' ' or '\t'))
            {
                hash = j;
                break;
            }
        }
        if (hash < 0) return (rest[i..].TrimEnd(), "");
        var commentStart = hash;
        while (commentStart > i && rest[commentStart - 1] is ' ' or '\t') commentStart--;
        return (rest[i..commentStart], rest[commentStart..]);
    }

    private static int QuotedEnd(string s, int open)
    {
        var quote = s[open];
        for (var j = open + 1; j < s.Length; j++)
        {
            if (quote == '"' && s[j] == '\\') j++;
            else if (s[j] == quote)
            {
                if (quote == '\'' && j + 1 < s.Length && s[j + 1] == '\'') j++;
                else return j;
            }
        }
        return -1;
    }

    private static string Unquote(string quoted) =>
        quoted[0] == '\''
            ? quoted[1..^1].Replace("''", "'")
            : quoted[1..^1].Replace("\\\"", "\"").Replace("\\\\", "\\");
}
