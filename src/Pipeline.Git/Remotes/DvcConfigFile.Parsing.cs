namespace Pipeline.Git.Remotes;

/// <summary>Parsing of configobj text.</summary>
internal sealed partial class DvcConfigFile
{
    /// <summary>Parses configobj text; keys are lowercased, comments and blank lines dropped.</summary>
    /// <exception cref="FormatException">A line that is neither a section, an entry nor a comment.</exception>
    public static DvcConfigFile Parse(string text)
    {
        var config = new DvcConfigFile();
        string? section = null;
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '[')
            {
                var end = line.LastIndexOf(']');
                if (end < 0) throw new FormatException($"config line {lineNo}: unterminated section header '{line}'.");
                section = Unquote(line[1..end].Trim());
                if (config.Find(section) is null) config._sections.Add(new ConfigSection(section));
                continue;
            }
            var eq = line.IndexOf('=');
            if (eq <= 0 || section is null)
                throw new FormatException($"config line {lineNo}: expected 'key = value' inside a [section], found '{line}'.");
            config.Set(section, line[..eq].Trim(), Unquote(StripComment(line[(eq + 1)..].Trim())));
        }
        return config;
    }

    private static string StripComment(string value)
    {
        if (value.Length > 0 && value[0] is '"' or '\'') return value;
        var hash = value.IndexOf('#');
        return hash < 0 ? value : value[..hash].TrimEnd();
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] is '"' or '\'')
        {
            var end = value.IndexOf(value[0], 1);
            if (end > 0) return value[1..end];
        }
        return value;
    }
}
