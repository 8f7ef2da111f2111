using Pipeline.Ui.Html;

namespace Pipeline.Ui.Pipeline;

/// <summary>What would run now and why: the engine's <c>--plan</c>, asked for when this page is opened (it runs nothing).</summary>
internal static class PlanPage
{
    public static async Task<string> RenderAsync(UiOptions options, CancellationToken cancel)
    {
        Markup body;
        if (options.Plan is null)
        {
            body = Layout.Missing("This UI was started without a planner; run ./build.sh --plan in a terminal.");
        }
        else
        {
            try
            {
                var text = await options.Plan(cancel);
                body = Markup.Of($"<pre id=\"plan\">{text}</pre>");
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception or TimeoutException)
            {
                body = Layout.Missing($"The plan could not be computed: {e.Message}");
            }
        }
        return Layout.Page("What would run now", "/", Markup.Of($"<p><a href=\"/\">Back to the pipeline</a></p>{body}"));
    }
}
