using Pipeline.Monitoring.Reports;

namespace Pipeline.Monitoring.Tests.Reports;

public sealed class SvgChartTests
{
    private static readonly double?[] WithGap = [0.1, null, null, 0.4, 0.2];

    [Fact]
    public void Lines_BridgeGaps_DrawsOneUnbrokenLineThroughThePointsWithValues()
    {
        var svg = SvgChart.Lines([("share", "#d62728", WithGap)], bridgeGaps: true);
        var path = svg[(svg.IndexOf(" d=\"", StringComparison.Ordinal) + 4)..];
        path = path[..path.IndexOf('"')];

        Assert.Equal(1, path.Count(c => c == 'M'));
        Assert.Equal(2, path.Count(c => c == 'L'));
    }

    [Fact]
    public void Lines_WithoutBridging_BreaksAtMissingPoints() =>
        Assert.Equal(2, SvgChart.Lines([("share", "#d62728", WithGap)]).Count(c => c == 'M'));
}
