namespace Pipeline.Ui.Html;

/// <summary>HTML that is already safe to write (built by <see cref="Markup.Of"/>, or a literal tag); anything else is encoded.</summary>
internal readonly record struct Markup(string Value)
{
    /// <summary>The empty fragment.</summary>
    public static Markup Empty { get; } = new("");

    /// <summary>Builds a fragment from an interpolated string whose holes are HTML-encoded unless they are <see cref="Markup"/>.</summary>
    public static Markup Of(ref MarkupHandler html) => new(html.ToStringAndClear());

    /// <summary>Concatenates fragments.</summary>
    public static Markup Join(IEnumerable<Markup> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public override string ToString() => Value;
}
