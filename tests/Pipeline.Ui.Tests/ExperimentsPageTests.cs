using System.Text.RegularExpressions;
using Pipeline.Ui.Tests.Fixture;

namespace Pipeline.Ui.Tests;

public sealed partial class ExperimentsPageTests
{
    [Fact]
    public async Task ExperimentsPage_WorkspaceHeadAndExperiments_InOneTableWithDifferencesHighlighted()
    {
        using var repo = new UiRepository();
        await using var ui = await RunningUi.StartAsync(repo);

        var html = await ui.Http.GetStringAsync("/experiments");

        Assert.Equal(["workspace", repo.HeadSha[..7], "brisk-lion", "quiet-toad"], RowNames(html));
        Assert.Contains("The workspace, HEAD and HEAD&#39;s 2 experiments (refs/exps).", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/experiments?sort=metric%3Aauc&amp;dir=asc\" data-column=\"metric:auc\">auc</a>", html, StringComparison.Ordinal);
        // brisk-lion's num_leaves (63) and auc differ from HEAD's (31, 0.91); its learning_rate does not.
        var brisk = Row(html, "brisk-lion");
        Assert.Contains("<td class=\"num diff\">63</td>", brisk, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num diff\">0.93</td>", brisk, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">0.1</td>", brisk, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExperimentsPage_EarlierCommits_FollowHeadWithTheirExperiments_ARepeatedNameIsQualifiedByItsCommit()
    {
        using var repo = new UiRepository();
        var top = repo.CommitOnTop(47, 0.9200, "brisk-lion");
        var base7 = repo.HeadSha[..7];
        await using var ui = await RunningUi.StartAsync(repo);

        var html = await ui.Http.GetStringAsync("/experiments");
        var compare = await ui.Http.GetStringAsync($"/compare?run=brisk-lion&run=brisk-lion@{base7}");

        Assert.Equal(["workspace", top[..7], "brisk-lion", base7, $"brisk-lion@{base7}", "quiet-toad"], RowNames(html));
        Assert.Contains("The workspace, HEAD and its 1 previous commits (first parents; at most 10 commits in all), each followed by its experiments (refs/exps): 3 experiments.", html, StringComparison.Ordinal);
        // NOTE: highlighted against HEAD's (47, 0.92): the earlier commit's 31 and 0.91 differ.
        Assert.Contains("<td class=\"num diff\">31</td>", Row(html, base7), StringComparison.Ordinal);
        Assert.Contains($"Comparing brisk-lion, brisk-lion@{base7}.", compare, StringComparison.Ordinal);
        Assert.Contains("<td class=\"diff\">48</td><td class=\"diff\">63</td>", compare, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExperimentsPage_SortByMetric_OrdersNumericallyBothWays()
    {
        using var repo = new UiRepository();
        await using var ui = await RunningUi.StartAsync(repo);

        var descending = RowNames(await ui.Http.GetStringAsync("/experiments?sort=metric:auc&dir=desc"));
        var ascending = RowNames(await ui.Http.GetStringAsync("/experiments?sort=param:train.num_leaves&dir=asc"));

        Assert.Equal(["brisk-lion", "workspace", repo.HeadSha[..7], "quiet-toad"], descending);
        Assert.Equal(["quiet-toad", "workspace", repo.HeadSha[..7], "brisk-lion"], ascending);
    }

    [Fact]
    public async Task ExperimentsPage_NotAGitRepository_SaysSo()
    {
        using var repo = new UiRepository();
        Directory.Delete(Path.Combine(repo.Root, ".git"), recursive: true);
        await using var ui = await RunningUi.StartAsync(repo, configure: o => o with { RootDirectory = repo.Root });

        var html = await ui.Http.GetStringAsync("/experiments");

        Assert.Contains("No experiments to show:", html, StringComparison.Ordinal);
    }

    internal static List<string> RowNames(string html) =>
        RowHeader().Matches(html[html.IndexOf("<table id=\"experiments\">", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value).ToList();

    private static string Row(string html, string name)
    {
        var start = html.IndexOf($"<th scope=\"row\">{name}</th>", StringComparison.Ordinal);
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<th scope=\"row\">([^<]*)</th>")]
    private static partial Regex RowHeader();
}
