using System.Text.Json;

namespace Pipeline.Ml.Ingest;

/// <summary>GETs JSON pages with a per-request timeout and the retries of <see cref="HttpRetryPolicy"/>.</summary>
internal sealed class HttpPageClient : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly HttpRetryPolicy _retries;
    private readonly TimeSpan _timeout;
    private readonly string _source;

    /// <summary>A client for the source described by <paramref name="source"/>.</summary>
    public HttpPageClient(IngestOptions options, string source)
    {
        _retries = new HttpRetryPolicy(options.MaxRetries, TimeSpan.FromMilliseconds(options.RetryDelayMs), options.Seed);
        _timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        _source = source;
    }

    /// <summary>The parsed JSON body of <paramref name="url"/>, after retries; throws <see cref="IngestException"/>.</summary>
    public JsonDocument Get(string url, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            string failure;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_timeout);
            try
            {
                using var response = _client.Send(new HttpRequestMessage(HttpMethod.Get, url), HttpCompletionOption.ResponseContentRead, timeout.Token);
                if (response.IsSuccessStatusCode) return Parse(response, url);
                failure = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {Redact(url)}";
                if (!HttpRetryPolicy.IsTransient(response.StatusCode)) throw new IngestException(_source, failure + " (not retried: a client error).");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"no response from {Redact(url)} within {_timeout.TotalSeconds:0.###} s (ingest.timeout_seconds)";
            }
            catch (HttpRequestException e)
            {
                failure = $"cannot reach {Redact(url)}: {e.Message}";
            }
            if (attempt >= _retries.MaxRetries) throw new IngestException(_source, $"{failure}, after {attempt + 1} attempts (ingest.max_retries = {_retries.MaxRetries}).");
            cancellationToken.WaitHandle.WaitOne(_retries.Delay(attempt));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The URL without user info (credentials never reach messages).</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped)
            : url;

    /// <summary>Closes the connections.</summary>
    public void Dispose() => _client.Dispose();

    private JsonDocument Parse(HttpResponseMessage response, string url)
    {
        try
        {
            using var body = response.Content.ReadAsStream();
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new IngestException(_source, $"the response of {Redact(url)} is not valid JSON ({e.Message}).", e);
        }
    }
}
