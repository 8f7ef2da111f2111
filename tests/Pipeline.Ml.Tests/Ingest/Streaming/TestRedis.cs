using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Pipeline.Ml.Tests.Ingest.Streaming;

/// <summary>
/// The Redis server the stream tests use: <c>PIPELINE_TEST_REDIS</c> (host:port, set by .ci/run through .ci/redis.sh),
/// else a throw-away <c>redis-server</c> started on a spare loopback port when the binary is installed (stopped when
/// the test process exits). <see cref="SkipReason"/> says why there is none.
/// </summary>
internal static class TestRedis
{
    /// <summary>The environment variable naming a running server.</summary>
    public const string Variable = "PIPELINE_TEST_REDIS";

    private static readonly Lazy<(string? Address, string? Reason)> Server = new(Start);

    /// <summary>host:port of the server, or null.</summary>
    public static string? Address => Server.Value.Address;

    /// <summary>Why the tests are skipped, or null when a server is available.</summary>
    public static string? SkipReason => Server.Value.Reason;

    /// <summary>A stream key no other test uses.</summary>
    public static string NewStream() => "test-" + Guid.NewGuid().ToString("N");

    private static (string?, string?) Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } address) return (address, null);
        if (Binary is null)
            return (null, $"{Variable} is not set and redis-server is not installed: install it (apt-get install redis-server) or run .ci/redis.sh, which prints {Variable}=host:port.");
        var server = Private();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return (server.Address, null);
    }

    /// <summary>The installed redis-server binary, or null.</summary>
    public static string? Binary { get; } = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);

    /// <summary>A server of this test's own (e.g. with <c>--requirepass</c>); needs <see cref="Binary"/>.</summary>
    public static PrivateServer Private(params string[] arguments)
    {
        var port = SparePort();
        var dir = Directory.CreateTempSubdirectory("pipeline-redis-").FullName;
        var process = Process.Start(new ProcessStartInfo(Binary!, ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, .. arguments])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var server = new PrivateServer($"127.0.0.1:{port}", process, dir);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                if (process.HasExited) break;
                Thread.Sleep(100);
            }
        }
        server.Dispose();
        throw new InvalidOperationException($"redis-server ({Binary}) did not start on 127.0.0.1:{port}.");
    }

    /// <summary>A redis-server process of the tests, killed and its folder deleted on dispose.</summary>
    internal sealed class PrivateServer(string address, Process process, string dir) : IDisposable
    {
        public string Address => address;

        public void Dispose()
        {
            if (!process.HasExited) process.Kill();
            process.WaitForExit();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int SparePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
