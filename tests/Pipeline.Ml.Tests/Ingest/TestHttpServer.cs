using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pipeline.Ml.Tests.Ingest;

/// <summary>A real HTTP server on 127.0.0.1 and a free port; each request is answered by the handler (status, JSON body).</summary>
internal sealed class TestHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<Uri, int, (int Status, string Body)> _handler;
    private readonly Task _loop;
    private int _requests;

    /// <summary>Starts serving; the handler gets the request URL and the 1-based request number.</summary>
    public TestHttpServer(Func<Uri, int, (int Status, string Body)> handler)
    {
        _handler = handler;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The server's root URL, ending with '/'.</summary>
    public string BaseUrl { get; }

    /// <summary>Requests answered so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            var (status, body) = _handler(context.Request.Url!, Interlocked.Increment(ref _requests));
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
