using System.Text.RegularExpressions;
using Pipeline.Monitoring.Reports;

namespace Pipeline.Monitoring.Tests.Reports;

public sealed class SvgChartTests
{
    private static readonly (string, string, IReadOnlyList<double?>)[] Series = [("drift share", "#d62728", [0.1, null, 0.5, 0.4, null])];

    [Fact]
    public void Lines_SameInputsDrawnTwice_SameBytes()
    {
        var first = SvgChart.Lines(Series);
        SvgChart.Bars(["a", "b"], [0.5, 0.5], [0.2, 0.8]);

        Assert.Equal(first, SvgChart.Lines(Series));
    }

    [Fact]
    public void Charts_InlineSvg_EveryClipReferenceDefinedInItsOwnChart()
    {
        var lines = SvgChart.Lines(Series);
        var bars = SvgChart.Bars(["a", "b"], [0.5, 0.5], [0.2, 0.8]);

        foreach (var svg in new[] { lines, bars })
        {
            Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
            var references = Regex.Matches(svg, "url\\(#([^)]+)\\)").Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.NotEmpty(references);
            Assert.All(references, id => Assert.Contains($"id=\"{id}\"", svg, StringComparison.Ordinal));
        }

        var ids = Regex.Matches(lines + bars, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
