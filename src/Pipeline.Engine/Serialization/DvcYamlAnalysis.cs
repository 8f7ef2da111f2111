namespace Pipeline.Engine.Serialization;

/// <summary>
/// Which scalar styles a text allows, as PyYAML/ruamel <c>Emitter.analyze_scalar</c> decides in block context
/// with <c>allow_unicode</c> (docs/dvc-format.md §12). Works on code points, like Python strings.
/// </summary>
internal readonly record struct DvcYamlAnalysis(bool Empty, bool Multiline, bool Plain, bool Single)
{
    /// <summary>YAML whitespace as the emitter sees it (NUL counts as end of text).</summary>
    public static bool IsSpaceOrBreak(int ch) => ch is 0 or ' ' or '\t' or '\r' or '\n' or 0x85 or 0x2028 or 0x2029;

    /// <summary>YAML line breaks.</summary>
    public static bool IsBreak(int ch) => ch is '\n' or 0x85 or 0x2028 or 0x2029;

    /// <summary>Analyzes <paramref name="s"/> (code points).</summary>
    public static DvcYamlAnalysis Of(int[] s)
    {
        if (s.Length == 0) return new(Empty: true, Multiline: false, Plain: true, Single: true);
        var blockIndicators = StartsWith(s, "---") || StartsWith(s, "...");
        bool lineBreaks = false, special = false;
        bool leadSpace = false, leadBreak = false, trailSpace = false, trailBreak = false, breakSpace = false, spaceBreak = false;
        var precededByWhitespace = true;
        var followedByWhitespace = s.Length == 1 || IsSpaceOrBreak(s[1]);
        bool previousSpace = false, previousBreak = false;
        for (var i = 0; i < s.Length; i++)
        {
            var ch = s[i];
            if (i == 0)
            {
                if (ch < 0x80 && "#,[]{}&*!|>'\"%@`".Contains((char)ch)) blockIndicators = true;
                if (ch is '?' or ':' && followedByWhitespace) blockIndicators = true;
                if (ch == '-' && followedByWhitespace) blockIndicators = true;
            }
            else
            {
                if (ch == ':' && followedByWhitespace) blockIndicators = true;
                if (ch == '#' && precededByWhitespace) blockIndicators = true;
            }
            if (IsBreak(ch)) lineBreaks = true;
            if (!(ch == '\n' || ch is >= 0x20 and <= 0x7E) && !IsPrintableUnicode(ch)) special = true;
            if (ch == ' ')
            {
                if (i == 0) leadSpace = true;
                if (i == s.Length - 1) trailSpace = true;
                if (previousBreak) breakSpace = true;
                (previousSpace, previousBreak) = (true, false);
            }
            else if (IsBreak(ch))
            {
                if (i == 0) leadBreak = true;
                if (i == s.Length - 1) trailBreak = true;
                if (previousSpace) spaceBreak = true;
                (previousSpace, previousBreak) = (false, true);
            }
            else
            {
                (previousSpace, previousBreak) = (false, false);
            }
            precededByWhitespace = IsSpaceOrBreak(ch);
            followedByWhitespace = i + 2 >= s.Length || IsSpaceOrBreak(s[i + 2]);
        }
        bool plain = true, single = true;
        if (leadSpace || leadBreak || trailSpace || trailBreak) plain = false;
        if (breakSpace || spaceBreak || special) plain = single = false;
        if (lineBreaks || blockIndicators) plain = false;
        return new(Empty: false, Multiline: lineBreaks, Plain: plain, Single: single);
    }

    private static bool IsPrintableUnicode(int ch) =>
        ch != 0xFEFF && (ch == 0x85 || ch is >= 0xA0 and <= 0xD7FF || ch is >= 0xE000 and <= 0xFFFD || ch is >= 0x10000 and < 0x10FFFF);

    private static bool StartsWith(int[] s, string prefix)
    {
        if (s.Length < prefix.Length) return false;
        for (var i = 0; i < prefix.Length; i++)
            if (s[i] != prefix[i]) return false;
        return true;
    }

    /// <summary>The code points of a .NET string; unpaired surrogates are kept as their own code point, like Python's surrogateescape.</summary>
    public static int[] CodePoints(string text)
    {
        var result = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Add(char.ConvertToUtf32(text[i], text[i + 1]));
                i++;
            }
            else
            {
                result.Add(text[i]);
            }
        }
        return [.. result];
    }
}
