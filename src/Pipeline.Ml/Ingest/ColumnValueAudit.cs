using System.Text.RegularExpressions;

namespace Pipeline.Ml.Ingest;

/// <summary>
/// Watches the values ingest copies for the two ways data changes without an error: numbers written with a comma
/// (<c>3,14</c>, <c>1.234,5</c>, <c>1,000</c>), which are kept as text so the column stops being numeric, and U+FFFD,
/// which a decoder leaves where the source had invalid UTF-8. <see cref="Warnings"/> names each column and the count.
/// </summary>
internal sealed partial class ColumnValueAudit(IReadOnlyList<string> columns)
{
    private readonly long[] _commaNumbers = new long[columns.Count];
    private readonly string?[] _commaExample = new string?[columns.Count];
    private readonly long[] _replaced = new long[columns.Count];

    /// <summary>Counts the suspicious values of one copied row (fields in <c>columns</c> order).</summary>
    public void Observe(IReadOnlyList<string?> row)
    {
        for (var i = 0; i < _replaced.Length; i++)
        {
            if (row[i] is not { } value) continue;
            if (value.Contains('\uFFFD')) _replaced[i]++;
            if (value.Contains(',') && CommaNumber().IsMatch(value))
            {
                _commaNumbers[i]++;
                _commaExample[i] ??= value;
            }
        }
    }

    /// <summary>
    /// One line per column with comma numbers or replaced characters, in column order. <paramref name="invalidUtf8"/>
    /// is the source decoder's count of invalid sequences (null when it cannot tell).
    /// </summary>
    public IReadOnlyList<string> Warnings(string source, long? invalidUtf8)
    {
        var lines = new List<string>();
        for (var i = 0; i < columns.Count; i++)
        {
            if (_commaNumbers[i] > 0)
            {
                lines.Add($"column '{columns[i]}': {Values(_commaNumbers[i])} written with a comma (e.g. '{_commaExample[i]}') in {source}; " +
                    "they were kept as text, so the column is not numeric. Write numbers with '.' as the decimal separator and no thousands separator.");
            }
            if (_replaced[i] > 0)
            {
                lines.Add(invalidUtf8 > 0
                    ? $"column '{columns[i]}': {Rows(_replaced[i])} invalid UTF-8 in {source} (replaced by U+FFFD). Convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8) and ingest again."
                    : $"column '{columns[i]}': {Rows(_replaced[i])} U+FFFD, the character a decoder puts in place of invalid UTF-8, in {source}. Check the source's text encoding.");
            }
        }
        return lines;
    }

    private static string Values(long n) => n == 1 ? "1 value is a number" : $"{n} values are numbers";

    private static string Rows(long n) => n == 1 ? "1 row contains" : $"{n} rows contain";

    // NOTE: a decimal comma (3,14 / -0,5 / 1.234,56) or thousands commas (1,000 / 12,345.6); letters or spaces around
    // the digits make it text ("3, 4", "A,1"), which is left alone.
    [GeneratedRegex(@"^[+-]?(?:(?:\d+|\d{1,3}(?:\.\d{3})+),\d+|\d{1,3}(?:,\d{3})+(?:\.\d+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex CommaNumber();
}
