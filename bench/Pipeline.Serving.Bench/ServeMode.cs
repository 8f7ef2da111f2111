using System.Globalization;

namespace Pipeline.Serving.Bench;

/// <summary>
/// The child host (<c>--serve</c>): starts the real serving host on dynamic loopback ports, prints
/// <c>READY rest-uri grpc-uri</c>, and serves until its standard input closes, then stops cleanly (draining the
/// prediction log, whose summary the host logs).
/// </summary>
internal static class ServeMode
{
    /// <summary>The first line the parent waits for.</summary>
    public const string Ready = "READY";

    /// <summary>Serves until standard input reaches its end.</summary>
    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var app = ServingHost.Build(HostOptions(options));
        await app.StartAsync();
        var addresses = ServingHost.Addresses(app);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Ready} {addresses.Rest} {addresses.Grpc}"));
        Console.Out.Flush();
        while (await Console.In.ReadLineAsync() is not null)
        {
        }

        await app.StopAsync();
        return 0;
    }

    /// <summary>The serving options of the host under test: dynamic ports, a fresh SQLite log in the work folder.</summary>
    public static ServingOptions HostOptions(BenchOptions options) => new()
    {
        RootDirectory = options.Directory,
        RegistryRoot = options.RegistryPath,
        ModelName = options.Model,
        Port = 0,
        GrpcPort = 0,
        LogQueueCapacity = options.LogQueue,
        PredictionLogPath = LogPath(Environment.ProcessId),
    };

    /// <summary>The prediction log of the host in process <paramref name="processId"/>, relative to the work folder.</summary>
    public static string LogPath(int processId) => $"data/serving/bench-{processId}.db";
}
