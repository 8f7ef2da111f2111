using System.Web;
using Pipeline.Ml.Ingest;

namespace Pipeline.Ml.Tests.Ingest;

public sealed class HttpIngestTests
{
    private static IngestOptions Http(string url) => new() { Kind = IngestKind.Http, Url = url, PageSize = 2, RetryDelayMs = 5, MaxRetries = 2, TimeoutSeconds = 10 };

    private static (int, string) Page(Uri url)
    {
        var page = int.Parse(HttpUtility.ParseQueryString(url.Query)["page"]!);
        return page switch
        {
            1 => (200, """{"items":[{"id":1,"name":"a","meta":{"x":1}},{"id":2,"name":"b, c"}]}"""),
            2 => (200, """{"items":[{"id":3,"score":0.5}]}"""),
            _ => (200, """{"items":[]}"""),
        };
    }

    [Fact]
    public void Run_PagedObjects_AllPagesInSnapshot()
    {
        using var server = new TestHttpServer((url, _) => Page(url));
        using var dir = new TestDirectory();

        var result = Ingestor.Run(Http(server.BaseUrl + "api/tx") with { PageSizeParam = "" }, dir.Path("raw.csv"), dir.Root);

        Assert.Equal(3, result.RowsRead);
        Assert.Equal("id,name,score\n1,a,\n2,\"b, c\",\n3,,0.5\n", File.ReadAllText(dir.Path("raw.csv")));
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public void Run_ServerErrorThenOk_Retries()
    {
        using var server = new TestHttpServer((url, n) => n == 1 ? (500, "{}") : n == 2 ? (503, "{}") : Page(url));
        using var dir = new TestDirectory();

        var result = Ingestor.Run(Http(server.BaseUrl), dir.Path("raw.csv"), dir.Root);

        Assert.Equal(3, result.RowsRead);
        Assert.Equal(5, server.Requests);
    }

    [Fact]
    public void Run_PermanentServerError_FailsNamingUrlWithoutSnapshot()
    {
        using var server = new TestHttpServer((_, _) => (500, """{"error":"down"}"""));
        using var dir = new TestDirectory();

        var error = Assert.Throws<IngestException>(() => Ingestor.Run(Http(server.BaseUrl + "api"), dir.Path("raw/tx.csv"), dir.Root));

        Assert.Contains(server.BaseUrl + "api?page=1&page_size=2", error.Message);
        Assert.Contains("HTTP 500", error.Message);
        Assert.Contains("after 3 attempts", error.Message);
        Assert.Equal(3, server.Requests);
        Assert.False(Directory.Exists(dir.Path("raw")) && Directory.EnumerateFileSystemEntries(dir.Path("raw")).Any());
    }

    [Fact]
    public void Run_ClientError_FailsAtOnce()
    {
        using var server = new TestHttpServer((_, _) => (404, "{}"));
        using var dir = new TestDirectory();

        var error = Assert.Throws<IngestException>(() => Ingestor.Run(Http(server.BaseUrl), dir.Path("raw.csv"), dir.Root));

        Assert.Contains("HTTP 404", error.Message);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public void Run_BareArrayPagesWithWatermark_AppendsOnlyNewer()
    {
        var items = new List<string> { """{"id":1,"v":"x"}""", """{"id":2,"v":"y"}""" };
        using var server = new TestHttpServer((url, _) =>
        {
            var page = int.Parse(HttpUtility.ParseQueryString(url.Query)["page"]!);
            return (200, "[" + string.Join(',', items.Skip((page - 1) * 2).Take(2)) + "]");
        });
        using var dir = new TestDirectory();
        var options = Http(server.BaseUrl) with { Watermark = "id" };
        Ingestor.Run(options, dir.Path("raw.csv"), dir.Root);
        items.Add("""{"id":3,"v":"z"}""");

        var result = Ingestor.Run(options, dir.Path("raw.csv"), dir.Root);

        Assert.Equal((3L, 1L, 3L, true), (result.RowsRead, result.RowsAppended, result.RowsTotal, result.Incremental));
        Assert.Equal("id,v\n1,x\n2,y\n3,z\n", File.ReadAllText(dir.Path("raw.csv")));
    }

    [Fact]
    public void Run_UnreachableServer_FailsAfterRetriesNamingUrl()
    {
        string url;
        using (var server = new TestHttpServer((_, _) => (200, "[]"))) url = server.BaseUrl + "gone";
        using var dir = new TestDirectory();

        var error = Assert.Throws<IngestException>(() => Ingestor.Run(Http(url), dir.Path("raw.csv"), dir.Root));

        Assert.StartsWith($"Ingest from http {url} failed: cannot reach {url}?page=1", error.Message);
        Assert.Contains("after 3 attempts", error.Message);
        Assert.Empty(Directory.GetFiles(dir.Root));
    }
}
