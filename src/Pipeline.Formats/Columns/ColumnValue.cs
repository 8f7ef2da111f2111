using System.Globalization;
using System.Numerics;
using System.Text;

namespace Pipeline.Formats.Columns;

/// <summary>
/// How a snapshot field is read as each <see cref="ColumnKind"/> (invariant culture): the one set of value rules shared
/// by kind inference (<see cref="ColumnKindInference"/>), Validate's type checks, the profiles and Monitor.
/// </summary>
public static class ColumnValue
{
    private static readonly string[] TrueWords = ["true", "yes", "y", "t", "1"];
    private static readonly string[] FalseWords = ["false", "no", "n", "f", "0"];
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>Parses a finite invariant-culture number (integers included, no thousands separators).</summary>
    public static bool TryNumber(string value, out double number) => TryNumber(value.AsSpan(), out number);

    /// <summary>
    /// <see cref="TryNumber(string, out double)"/> of a span: plain decimals (an optional sign, digits, one optional point,
    /// at most 15 significant digits and 22 decimals) are converted directly, everything else by <see cref="double.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?, out double)"/>.
    /// </summary>
    public static bool TryNumber(ReadOnlySpan<char> value, out double number) =>
        PlainDecimal(value, out number) == value.Length && !double.IsNaN(number)
        || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    /// <summary>
    /// <see cref="TryNumber(ReadOnlySpan{char}, out double)"/> of a field's UTF-8 bytes (the same number as of the characters
    /// they decode to), for readers that parse a file's bytes without decoding them.
    /// </summary>
    internal static bool TryNumber(ReadOnlySpan<byte> utf8, out double number)
    {
        if (PlainDecimal(utf8, out number) == utf8.Length && !double.IsNaN(number)) return true;
        if (utf8.Length <= 64 && Ascii.IsValid(utf8))
        {
            Span<char> chars = stackalloc char[utf8.Length];
            Ascii.ToUtf16(utf8, chars, out _);
            return TryNumber(chars, out number);
        }
        return TryNumber(Encoding.UTF8.GetString(utf8), out number);
    }

    /// <summary>
    /// Reads a plain decimal at the start of <paramref name="value"/> (characters or UTF-8 bytes): returns where it stopped,
    /// with <paramref name="number"/> the decimal read up to there, or NaN when that is not one (no digit, too many
    /// digits or decimals). The field is that number when it ends where the reading stopped.
    /// </summary>
    // NOTE: Clinger's fast path: a mantissa below 2^53 and 10^decimals (decimals ≤ 22) are both exact doubles, and IEEE
    // division rounds correctly, so the quotient is the same double the general parser returns, at a fraction of its cost.
    internal static int PlainDecimal<T>(ReadOnlySpan<T> value, out double number) where T : unmanaged, IBinaryInteger<T>
    {
        var negative = value.Length > 0 && uint.CreateTruncating(value[0]) == '-';
        var i = negative || (value.Length > 0 && uint.CreateTruncating(value[0]) == '+') ? 1 : 0;
        ulong mantissa = 0;
        int digits = 0, decimals = 0;
        bool point = false, any = false, fits = true;
        for (; i < value.Length; i++)
        {
            var c = uint.CreateTruncating(value[i]);
            if (c - '0' <= 9)
            {
                any = true;
                mantissa = mantissa * 10 + (c - '0');
                if (point) decimals++;
                if (mantissa > 0 && ++digits > 15) { fits = false; break; }
            }
            else if (c == '.' && !point) point = true;
            else break;
        }
        if (!any || !fits || decimals >= Pow10.Length)
        {
            number = double.NaN;
            return i;
        }
        number = mantissa / Pow10[decimals];
        if (negative) number = -number;
        return i;
    }

    private static readonly double[] Pow10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>True for a truth word: true/false, yes/no, y/n, t/f, 1/0 (any case).</summary>
    public static bool IsTruthWord(string value) =>
        TrueWords.Contains(value, StringComparer.OrdinalIgnoreCase) || FalseWords.Contains(value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The truth value of a truth word (<see cref="IsTruthWord"/>); false when it is not one.</summary>
    public static bool TryBoolean(string value, out bool truth)
    {
        truth = TrueWords.Contains(value, StringComparer.OrdinalIgnoreCase);
        return truth || FalseWords.Contains(value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>"true" or "false" for a truth word, null for anything else: the one spelling of a Boolean value.</summary>
    public static string? BooleanText(string value) => TryBoolean(value, out var truth) ? (truth ? "true" : "false") : null;

    /// <summary>True for an ISO 8601 date or date-time, with or without a zone.</summary>
    public static bool IsIsoDate(string value) =>
        DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    /// <summary>True when <paramref name="value"/> can be read as <paramref name="kind"/> (any value is Categorical or Text).</summary>
    public static bool Fits(string value, ColumnKind kind) => kind switch
    {
        ColumnKind.Numeric => TryNumber(value, out _),
        ColumnKind.Boolean => IsTruthWord(value),
        ColumnKind.Date => IsIsoDate(value),
        _ => true,
    };
}
