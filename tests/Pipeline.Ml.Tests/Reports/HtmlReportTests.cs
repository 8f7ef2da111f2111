using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Reports;

namespace Pipeline.Ml.Tests.Reports;

public sealed class HtmlReportTests
{
    [Fact]
    public void Render_Plots_EmbeddedAsDataUrisAndTablesEncoded()
    {
        var result = new EvaluationResult(MlTask.Regression, "r2", [KeyValuePair.Create("rmse", 1.5), KeyValuePair.Create("r2", double.NaN)])
        {
            Importance = [new FeatureImportance("a<b", 0.25)],
        };

        var html = HtmlReport.Render(result, [KeyValuePair.Create("p.png", new byte[] { 1, 2, 3 })]);

        Assert.Contains("<img alt=\"p.png\" src=\"data:image/png;base64,AQID\">", html, StringComparison.Ordinal);
        Assert.Contains("<td>a&lt;b</td><td>0.25</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>r2</td><td>n/a</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.Ordinal);
    }
}
