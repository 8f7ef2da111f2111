namespace Pipeline.Ui.Html;

/// <summary>A plain HTML table: a header row and body rows of ready cells.</summary>
internal static class Table
{
    /// <summary>The table with <paramref name="id"/>; <paramref name="header"/> cells are <c>th</c>, row cells are given whole (<c>td</c>…).</summary>
    public static Markup Render(string id, IEnumerable<Markup> header, IEnumerable<IEnumerable<Markup>> rows) => Markup.Of($"""
        <table id="{id}">
        <thead><tr>{header.Select(h => Markup.Of($"<th scope=\"col\">{h}</th>"))}</tr></thead>
        <tbody>
        {rows.Select(r => Markup.Of($"<tr>{r}</tr>\n"))}</tbody>
        </table>
        """);

    /// <summary>A data cell holding encoded text, with an optional class.</summary>
    public static Markup Cell(string? text, string? cssClass = null) => cssClass is null
        ? Markup.Of($"<td>{text ?? "-"}</td>")
        : Markup.Of($"<td class=\"{cssClass}\">{text ?? "-"}</td>");

    /// <summary>A data cell holding markup.</summary>
    public static Markup Cell(Markup html) => Markup.Of($"<td>{html}</td>");
}
