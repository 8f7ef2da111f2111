using System.Net;

namespace Pipeline.Git.Tests.Remotes;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers the first <c>failures</c> requests with 503 Service Unavailable and
/// every later one with 200 and an empty body (what S3 answers a HEAD of an existing object). Counts requests.
/// </summary>
internal sealed class FlakyEndpoint : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly int _failures;
    private int _requests;

    public FlakyEndpoint(int failures)
    {
        _failures = failures;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public int Requests => Volatile.Read(ref _requests);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            var n = Interlocked.Increment(ref _requests);
            context.Response.StatusCode = n <= _failures ? 503 : 200;
            context.Response.Headers["x-amz-request-id"] = $"req-{n}";
            context.Response.ContentLength64 = 0;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
