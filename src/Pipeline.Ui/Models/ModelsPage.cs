using Pipeline.Ui.Html;
using Pipeline.Ui.Security;

namespace Pipeline.Ui.Models;

/// <summary>
/// The Models page: per model its versions (production marked), GTO stages, lineage (commit, inputs, the params at
/// that commit), metrics and the gate report registered with it, the workspace's gate report, what each serving host runs and its rollout in progress, and
/// Promote / Start a rollout / Roll back, which need the admin token (typed into the page, sent in the POST body).
/// </summary>
internal static class ModelsPage
{
    private static readonly string[] VersionColumns = ["Version", "Production", "Stages (tags)", "Commit", "Registered", "Inputs", "Params", "Gate report"];

    private static readonly string[] HostColumns = ["Host", "Serving", "Rollout", "Strategy", "Version", "Canary share", "Step", "Judge's last verdict", "Since"];

    public static string Render(UiOptions options, TimeProvider clock, IReadOnlyList<HostState> hosts, Notice? notice = null)
    {
        var models = ModelCatalog.Read(options.RootDirectory, options.RegistryPath, clock);
        var body = models.Count == 0
            ? Layout.Missing("No model is registered yet (models/registry): run ./build.sh Deploy.")
            : Markup.Join(models.Select(m => Model(m, options.AdminToken is { Length: > 0 })));
        return Layout.Page("Models", "/models", Markup.Of($"""
            {body}
            <h2>Serving hosts</h2>
            {Hosts(hosts)}
            <h2>Gate report (workspace, reports/gate.txt)</h2>
            {GateReport(options.RootDirectory)}
            """), notice);
    }

    /// <summary>A row per serving host from its admin API; a host not read says why across the row.</summary>
    private static Markup Hosts(IReadOnlyList<HostState> hosts)
    {
        if (hosts.Count == 0) return Layout.Missing("No serving host is configured (params.yaml deploy.host).");
        var rows = hosts.Select(h => h.Problem is { } problem
            ? (IEnumerable<Markup>)[Markup.Of($"<th scope=\"row\">{h.Host}</th>"), Markup.Of($"<td colspan=\"{HostColumns.Length - 1}\" class=\"missing\">{problem}</td>")]
            : [
                Markup.Of($"<th scope=\"row\">{h.Host}</th>"),
                Table.Cell(h.Live),
                Table.Cell(h.Phase, h.Running ? "status-running" : null),
                Table.Cell(h.Strategy),
                Table.Cell(h.Version),
                Table.Cell(h.Running && h.Percent is { } p ? Markup.Of($"<progress max=\"100\" value=\"{p}\"></progress> {p} %") : Markup.Empty),
                Table.Cell(h.StepText),
                Table.Cell(h.Reason),
                Table.Cell(h.Since),
            ]);
        return Markup.Of($"""
            <p class="muted">From each host's admin API (GET /admin/rollout); a promotion is rolled out to, a rollout started on and a rollback sent to each.</p>
            {Table.Render("hosts", HostColumns.Select(c => Markup.Of($"{c}")), rows)}
            """);
    }

    private static Markup StartRollout(ModelEntry model, bool actions) => Markup.Of($"""
        <form method="post" action="/models/{model.Name}/rollout" id="rollout-{model.Name}" class="rollout">
        <label>Version <select name="version">{model.Versions.Reverse().Select(v => Markup.Of($"<option>{v.Version}</option>"))}</select></label>
        <label>Strategy <select name="strategy">{RolloutForm.Strategies.Select(s => Markup.Of($"<option>{s}</option>"))}</select></label>
        <label>Canary steps <input name="steps" placeholder="5,25,50,100" size="12"></label>
        <label>Hold (s) <input name="hold_seconds" placeholder="300" size="5"></label>
        {TokenBox(actions)}<button type="submit" id="start-rollout-{model.Name}">Start a rollout</button>
        <span class="muted">(on every serving host, like ./build.sh Deploy with deploy.strategy)</span>
        </form>
        """);

    private static Markup Model(ModelEntry model, bool actions)
    {
        var metrics = model.Versions.SelectMany(v => v.Metrics.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var header = VersionColumns.Concat(metrics).Append("Action")
            .Select(h => Markup.Of($"{h}"));
        var rows = model.Versions.Reverse().Select(v => (IEnumerable<Markup>)
        [
            Markup.Of($"<th scope=\"row\">{v.Version}</th>"),
            v.Version == model.Production ? Markup.Of($"<td class=\"production\" data-production=\"true\">production</td>") : Table.Cell(""),
            Table.Cell(v.Stages.Count > 0 ? string.Join(", ", v.Stages) : ""),
            Table.Cell(v.Commit is { Length: > 7 } c ? c[..7] : v.Commit),
            Table.Cell(v.RegisteredAt),
            Table.Cell(Inputs(v)),
            Table.Cell(ParamList(v)),
            Table.Cell(v.GateReport is { } gate ? Markup.Of($"<details class=\"gate\"><summary>gate.txt</summary><pre>{gate}</pre></details>") : Markup.Empty),
            .. metrics.Select(m => Table.Cell(v.Metrics.GetValueOrDefault(m), "num")),
            Table.Cell(v.Problem is { } p ? Markup.Of($"<span class=\"missing\">{p}</span>") : v.Version == model.Production ? Markup.Empty : Promote(model.Name, v, actions)),
        ]);
        return Markup.Of($"""
            <section class="model" id="model-{model.Name}">
            <h2>{model.Name} <span class="muted">production: <span id="production-{model.Name}">{model.Production?.ToString() ?? "none"}</span></span></h2>
            {(model.Problem is { } problem ? Layout.Missing(problem) : Markup.Empty)}
            {Table.Render($"versions-{model.Name}", header, rows)}
            {StartRollout(model, actions)}
            {Rollback(model.Name, actions)}
            </section>
            """);
    }

    private static Markup Inputs(ModelVersionInfo v) => v.Inputs.Count == 0
        ? Markup.Empty
        : Markup.Of($"<details><summary>{v.Inputs.Count} inputs</summary><ul>{v.Inputs.Select(i => Markup.Of($"<li><code>{i.Key}</code> {i.Value}</li>"))}</ul></details>");

    private static Markup ParamList(ModelVersionInfo v) => v.Params is not { } values
        ? Markup.Of($"<span class=\"muted\">{(v.Commit is null ? "" : "commit not in this clone")}</span>")
        : Markup.Of($"<details><summary>{values.Count} params</summary><ul>{values.Select(p => Markup.Of($"<li><code>{p.Key}</code> {p.Value}</li>"))}</ul></details>");

    private static Markup Promote(string model, ModelVersionInfo v, bool actions) => Markup.Of($"""
        <form class="inline" method="post" action="/models/{model}/promote">
        <input type="hidden" name="version" value="{v.Version}">
        {TokenBox(actions)}<button type="submit" id="promote-{model}-{v.Version}">Promote</button>
        </form>
        """);

    private static Markup Rollback(string model, bool actions) => Markup.Of($"""
        <form method="post" action="/models/{model}/rollback">
        {TokenBox(actions)}<button type="submit" id="rollback-{model}">Roll back the serving hosts</button>
        <span class="muted">(puts each host's previous model back, like ./build.sh Rollback)</span>
        </form>
        """);

    // NOTE: without a token the buttons stay (and are refused with 403, saying how to enable them), so the page shows what it could do.
    private static Markup TokenBox(bool actions) => actions
        ? Markup.Of($"<input type=\"password\" name=\"{AdminGate.Field}\" placeholder=\"admin token\" autocomplete=\"off\" aria-label=\"admin token\"> ")
        : Markup.Of($"<span class=\"muted\">read-only </span>");

    private static Markup GateReport(string root)
    {
        var path = Path.Combine(root, "reports", "gate.txt");
        try
        {
            return File.Exists(path)
                ? Markup.Of($"<pre id=\"gate\">{File.ReadAllText(path)}</pre>")
                : Layout.Missing("No gate report yet (reports/gate.txt): ./build.sh Gate writes it when every condition holds.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Layout.Missing($"reports/gate.txt cannot be read: {e.Message}");
        }
    }
}
