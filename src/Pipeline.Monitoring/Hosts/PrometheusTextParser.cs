using System.Globalization;
using System.Text;

namespace Pipeline.Monitoring.Hosts;

/// <summary>
/// A tolerant reader of the Prometheus text exposition format (0.0.4): comments, blank lines and lines it cannot read
/// are skipped, so one odd line never loses the rest of a scrape.
/// </summary>
internal static class PrometheusTextParser
{
    /// <summary>The samples of <paramref name="text"/>, in text order.</summary>
    public static IReadOnlyList<PrometheusSample> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var samples = new List<PrometheusSample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (TryParseLine(line, out var sample)) samples.Add(sample);
        }

        return samples;
    }

    /// <summary>Reads one sample line: <c>name{label="value",...} value [timestamp]</c>.</summary>
    public static bool TryParseLine(string line, out PrometheusSample sample)
    {
        sample = null!;
        var i = 0;
        while (i < line.Length && IsNameChar(line[i], i == 0)) i++;
        if (i == 0) return false;
        var name = line[..i];
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var nameEnd = i;
        while (i < line.Length && line[i] is ' ' or '\t') i++;
        if (i >= line.Length || line[i] != '{') i = nameEnd;
        if (i < line.Length && line[i] == '{' && !TryParseLabels(line, ref i, labels)) return false;
        var rest = line[i..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length is 0 or > 2 || !TryParseValue(rest[0], out var value)) return false;
        sample = new PrometheusSample(name, labels, value);
        return true;
    }

    private static bool TryParseLabels(string line, ref int i, SortedDictionary<string, string> labels)
    {
        i++;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t' or ',') i++;
            if (i >= line.Length) return false;
            if (line[i] == '}')
            {
                i++;
                return true;
            }

            var start = i;
            while (i < line.Length && IsNameChar(line[i], i == start) && line[i] != ':') i++;
            if (i == start) return false;
            var label = line[start..i];
            while (i < line.Length && line[i] is ' ' or '\t') i++;
            if (i >= line.Length || line[i] != '=') return false;
            i++;
            while (i < line.Length && line[i] is ' ' or '\t') i++;
            if (i >= line.Length || line[i] != '"' || !TryParseQuoted(line, ref i, out var value)) return false;
            labels[label] = value;
        }
    }

    private static bool TryParseQuoted(string line, ref int i, out string value)
    {
        var text = new StringBuilder();
        for (i++; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                i++;
                value = text.ToString();
                return true;
            }

            if (c == '\\' && i + 1 < line.Length)
            {
                i++;
                text.Append(line[i] switch { 'n' => '\n', var other => other });
            }
            else
            {
                text.Append(c);
            }
        }

        value = "";
        return false;
    }

    private static bool TryParseValue(string text, out double value)
    {
        switch (text)
        {
            case "+Inf" or "Inf": value = double.PositiveInfinity; return true;
            case "-Inf": value = double.NegativeInfinity; return true;
            case "NaN": value = double.NaN; return true;
            default: return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    private static bool IsNameChar(char c, bool first) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or ':' || (!first && c is >= '0' and <= '9');
}
