using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Net;

namespace Pipeline.Ui.Html;

/// <summary>
/// The interpolated-string handler behind <see cref="Markup.Of"/>: literal text is written as is, every hole is
/// HTML-encoded (invariant culture) unless it is a <see cref="Markup"/>, so a value read from a file or a URL cannot
/// inject markup by being forgotten.
/// </summary>
[InterpolatedStringHandler]
internal ref struct MarkupHandler
{
    private readonly StringBuilder text;

    public MarkupHandler(int literalLength, int formattedCount) => text = new StringBuilder(literalLength + (formattedCount * 16));

    public readonly void AppendLiteral(string value) => text.Append(value);

    public readonly void AppendFormatted(Markup value) => text.Append(value.Value);

    public readonly void AppendFormatted(IEnumerable<Markup> values)
    {
        foreach (var value in values) text.Append(value.Value);
    }

    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public readonly void AppendFormatted<T>(T value, string? format)
    {
        var plain = value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : value?.ToString();
        text.Append(WebUtility.HtmlEncode(plain ?? ""));
    }

    public readonly string ToStringAndClear() => text.ToString();
}
