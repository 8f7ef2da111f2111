using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Pipeline.Monitoring.Hosts;
using Pipeline.Serving.Tests;

namespace Pipeline.Monitoring.Tests.Hosts;

[Collection(ServedModelCollection.Name)]
public sealed class HostScraperTests(ServingFixture fixture)
{
    [Fact]
    public async Task Read_RunningHostAfterPredictions_CountsMatchTheTrafficSent()
    {
        await using var host = await ServingHostProcess.StartAsync(fixture);
        for (var i = 0; i < 3; i++)
        {
            var ok = await host.Http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances = new[] { new { amount = 5.0 + i, hour = 5, country = "de" } } });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var rejected = await host.Http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances = new[] { new { amount = 5.0 } } });
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var reading = await Task.Run(() => new HostScraper(http) { CpuInterval = TimeSpan.FromMilliseconds(100) }.Read(host.Address));

        Assert.True(reading.Reachable, reading.Note);
        Assert.Null(reading.Note);
        var r = reading.Resources!;
        Assert.Equal(
            [new HostTraffic("", "", 1, 0, 1), new HostTraffic("v0.0.1", "stable", 3, 0, 0)],
            r.Traffic);
        Assert.Equal(4, r.Requests);
        Assert.Equal(0, r.Errors);
        Assert.Equal(0.0, r.ErrorRate);
        Assert.Equal(0, r.RequestsInFlight);
        Assert.True(r.CpuSeconds > 0);
        Assert.True(r.CpuCoresUsed >= 0);
        Assert.True(r.CpuIntervalSeconds > 0);
        Assert.True(r.ResidentMemoryBytes > 0);
        Assert.True(r.ManagedHeapBytes > 0);
        Assert.Contains(r.GcCollections, g => g.Key == "gen0");
    }

    [Fact]
    public void Read_NoHostListening_NullFiguresAndTheNote()
    {
        var address = "http://127.0.0.1:" + FreePort();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };

        var reading = new HostScraper(http).Read(address);

        Assert.False(reading.Reachable);
        Assert.Null(reading.Resources);
        Assert.StartsWith($"host not reachable at {address}: ", reading.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_AddressWithoutMetrics_NullFiguresAndTheStatus()
    {
        await using var host = await ServingHostProcess.StartAsync(fixture);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var reading = await Task.Run(() => new HostScraper(http) { CpuInterval = TimeSpan.Zero }.Read(host.Address + "/nothing"));

        Assert.Null(reading.Resources);
        Assert.Equal($"host not reachable at {host.Address}/nothing: /metrics answered 404 Not Found", reading.Note);
    }

    [Fact]
    public void Read_NotAnAddress_NullFiguresAndTheNote()
    {
        using var http = new HttpClient();

        var reading = new HostScraper(http).Read("localhost 5080");

        Assert.Null(reading.Resources);
        Assert.Equal("host not reachable at localhost 5080: not an absolute http(s) address (params.yaml deploy.host)", reading.Note);
    }

    private static int FreePort()
    {
        // NOTE: a port the OS just handed out and that nothing listens on any more: connections to it are refused.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
