using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Pipeline.Serving.Bench;

/// <summary>The REST side: one HttpClient with a connection per caller, a single-row predict call and the liveness call.</summary>
internal sealed class RestCalls : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient http;
    private readonly byte[] body;
    private readonly Uri predict;
    private readonly Uri live;
    private readonly Uri recommend;
    private long recommendCalls;

    /// <summary>Prepares the calls to <paramref name="rest"/> for <paramref name="model"/> with <paramref name="batch"/> instances.</summary>
    public RestCalls(Uri rest, string model, string rowJson, int connections, int batch = 1)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false };
        http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30), DefaultRequestVersion = HttpVersion.Version11 };
        body = Encoding.UTF8.GetBytes($"{{\"instances\":[{string.Join(',', Enumerable.Repeat(rowJson, batch))}]}}");
        predict = new Uri(rest, $"/v1/models/{model}:predict");
        live = new Uri(rest, "/v2/health/live");
        recommend = new Uri(rest, $"/v1/models/{model}:recommend");
    }

    /// <summary><c>POST /v1/models/{name}:predict</c> with the prepared instances; true on 200.</summary>
    public async Task<bool> PredictAsync(int caller)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var answer = await http.PostAsync(predict, content);
        await answer.Content.ReadAsByteArrayAsync();
        return answer.StatusCode == HttpStatusCode.OK;
    }

    /// <summary><c>POST /v1/models/{name}:recommend</c> with k = 10 for a known user (round-robin over u1 … u<paramref name="users"/>); true on 200.</summary>
    public async Task<bool> RecommendAsync(int caller, int users)
    {
        var user = (Interlocked.Increment(ref recommendCalls) % users) + 1;
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{{\"user_id\":\"u{user}\",\"k\":10}}"));
        content.Headers.ContentType = Json;
        using var answer = await http.PostAsync(recommend, content);
        await answer.Content.ReadAsByteArrayAsync();
        return answer.StatusCode == HttpStatusCode.OK;
    }

    /// <summary><c>GET /v2/health/live</c>; true on 200.</summary>
    public async Task<bool> LiveAsync(int caller)
    {
        using var answer = await http.GetAsync(live);
        await answer.Content.ReadAsByteArrayAsync();
        return answer.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>The text of <paramref name="path"/> on the host.</summary>
    public Task<string> TextAsync(string path) => http.GetStringAsync(new Uri(predict, path));

    /// <inheritdoc/>
    public void Dispose() => http.Dispose();
}
