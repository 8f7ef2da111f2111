namespace Pipeline.Ui.Html;

/// <summary>The frame every page shares: title, the navigation between the four pages, an optional notice, the body.</summary>
internal static class Layout
{
    private static readonly (string Path, string Name)[] Pages =
    [
        ("/", "Pipeline"), ("/experiments", "Experiments"), ("/models", "Models"), ("/monitoring", "Monitoring"),
    ];

    /// <summary>
    /// The whole document; <paramref name="current"/> is the navigation path to mark. With <paramref name="refreshSeconds"/>
    /// the browser reloads the page that often (a meta refresh: no script), e.g. while a run is in progress.
    /// </summary>
    public static string Page(string title, string current, Markup body, Notice? notice = null, int? refreshSeconds = null)
    {
        var refresh = refreshSeconds is { } seconds ? Markup.Of($"<meta http-equiv=\"refresh\" content=\"{seconds}\">\n") : Markup.Empty;
        var nav = Markup.Join(Pages.Select(p => p.Path == current
            ? Markup.Of($"<a href=\"{p.Path}\" aria-current=\"page\">{p.Name}</a>")
            : Markup.Of($"<a href=\"{p.Path}\">{p.Name}</a>")));
        var banner = notice is { } n ? Markup.Of($"<p class=\"notice {n.Kind}\" role=\"status\" id=\"notice\">{n.Text}</p>") : Markup.Empty;
        return Markup.Of($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            {refresh}<title>{title} · pipeline</title>
            <link rel="stylesheet" href="/assets/ui.css">
            </head>
            <body>
            <header><strong>pipeline</strong><nav>{nav}</nav></header>
            <main>
            <h1>{title}</h1>
            {banner}
            {body}
            </main>
            </body>
            </html>

            """).Value;
    }

    /// <summary>A paragraph saying why something cannot be shown (a missing or corrupt file), never an error page.</summary>
    public static Markup Missing(string text) => Markup.Of($"<p class=\"missing\">{text}</p>");
}

/// <summary>A banner at the top of a page: <c>ok</c> after an action, <c>error</c> when one was refused or failed.</summary>
internal readonly record struct Notice(string Kind, string Text)
{
    public static Notice Ok(string text) => new("ok", text);

    public static Notice Error(string text) => new("error", text);
}
