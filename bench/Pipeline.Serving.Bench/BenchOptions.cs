using System.Globalization;

namespace Pipeline.Serving.Bench;

/// <summary>
/// Command-line options: <c>--seconds N --warmup N --connections N --grpc-channels N --registry PATH --model NAME
/// --row JSON --batch N --dir PATH --log-queue N --protocols rest|grpc|both --monitor --host-env NAME=VALUE --in-process</c>, and the internal <c>--serve</c> mode of the child host.
/// </summary>
internal sealed record BenchOptions
{
    /// <summary>Measured seconds per scenario (10).</summary>
    public int Seconds { get; init; } = 10;

    /// <summary>Warm-up seconds per scenario, not measured (3).</summary>
    public int Warmup { get; init; } = 3;

    /// <summary>Concurrent callers; REST uses as many connections (32).</summary>
    public int Connections { get; init; } = 32;

    /// <summary>gRPC channels (HTTP/2 connections) the callers share round-robin (32: one each).</summary>
    public int GrpcChannels { get; init; } = 32;

    /// <summary>A registry folder to serve from (absolute); null trains and registers the reference model.</summary>
    public string? Registry { get; init; }

    /// <summary>The served model's name.</summary>
    public string Model { get; init; } = ReferenceModel.Name;

    /// <summary>One instance as a JSON object (the reference model's features by default).</summary>
    public string Row { get; init; } = """{"amount":99.5,"hour":1,"country":"us"}""";

    /// <summary>Instances per REST predict request (<c>--batch</c>, default 1); gRPC calls stay single-row.</summary>
    public int Batch { get; init; } = 1;

    /// <summary>Working folder (absolute): the host's root, the prediction log and the trained model.</summary>
    public string Directory { get; init; } = "/tmp/pipeline-serving-bench";

    /// <summary>Capacity of the host's prediction log queue (the serving default).</summary>
    public int LogQueue { get; init; } = 65_536;

    /// <summary>Host the server in this process (ServingHost.Build) instead of a child process.</summary>
    public bool InProcess { get; init; }

    /// <summary>Which protocols to measure: <c>rest</c>, <c>grpc</c> or <c>both</c> (both).</summary>
    public string Protocols { get; init; } = "both";

    /// <summary>True when the REST scenarios run.</summary>
    public bool MeasuresRest => Protocols is "both" or "rest";

    /// <summary>True when the gRPC scenarios run.</summary>
    public bool MeasuresGrpc => Protocols is "both" or "grpc";

    /// <summary>
    /// Measure the monitoring overhead instead of the baselines: per protocol, predictions plain, with a monitor loop,
    /// with it again, and plain again (the repeat in reverse order shows the noise).
    /// </summary>
    public bool Monitor { get; init; }

    /// <summary>Seconds between two monitoring passes (<c>--monitor-interval</c>, default 1).</summary>
    public double MonitorInterval { get; init; } = 1;

    /// <summary>Internal: run only the monitor loop against this REST address (the monitor's own process).</summary>
    public string? MonitorChild { get; init; }

    /// <summary>Internal, with <see cref="MonitorChild"/>: the host's prediction log.</summary>
    public string? MonitorLog { get; init; }

    /// <summary>Environment variables (<c>NAME=VALUE</c>) for the child host only, e.g. runtime settings to compare.</summary>
    public IReadOnlyList<string> HostEnvironment { get; init; } = [];

    /// <summary>
    /// <c>--recommend N</c>: measure <c>:recommend</c> (k = 10, known users round-robin) on a recommender over a catalogue
    /// of N items (<see cref="RecommenderBenchModel"/>) against the liveness baseline, REST only; 0: off.
    /// </summary>
    public int Recommend { get; init; }

    /// <summary>Run as the child host: serve until standard input closes.</summary>
    public bool Serve { get; init; }

    /// <summary>The registry the host serves.</summary>
    public string RegistryPath => Registry ?? Path.Combine(Directory, "models", "registry");

    /// <summary>Parses <paramref name="args"/>; unknown flags are errors.</summary>
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--seconds" => options with { Seconds = Number() },
                "--warmup" => options with { Warmup = Number() },
                "--connections" => options with { Connections = Number() },
                "--grpc-channels" => options with { GrpcChannels = Number() },
                "--registry" => options with { Registry = Absolute(Value(), "--registry") },
                "--model" => options with { Model = Value() },
                "--row" => options with { Row = Value() },
                "--batch" => options with { Batch = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--dir" => options with { Directory = Absolute(Value(), "--dir") },
                "--log-queue" => options with { LogQueue = Number() },
                "--protocols" => options with { Protocols = Value() is var p && p is "rest" or "grpc" or "both" ? p : throw new ArgumentException("--protocols must be rest, grpc or both.") },
                "--in-process" => options with { InProcess = true },
                "--recommend" => options with { Recommend = Number(), Model = RecommenderBenchModel.Name, Protocols = "rest" },
                "--monitor" => options with { Monitor = true },
                "--host-env" => options with { HostEnvironment = [.. options.HostEnvironment, Value() is var e && e.Contains('=', StringComparison.Ordinal) ? e : throw new ArgumentException("--host-env needs NAME=VALUE.")] },
                "--serve" => options with { Serve = true },
                "--monitor-interval" => options with { MonitorInterval = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--monitor-child" => options with { MonitorChild = Value() },
                "--monitor-log" => options with { MonitorLog = Value() },
                var unknown => throw new ArgumentException($"Unknown option '{unknown}'. Options: --seconds N, --warmup N, --connections N, --grpc-channels N, --registry PATH --model NAME [--row JSON], --batch N, --dir PATH, --log-queue N, --protocols rest|grpc|both, --monitor [--monitor-interval S], --host-env NAME=VALUE, --in-process, --recommend ITEMS."),
            };
        }

        return options.Connections > 0 && options.GrpcChannels > 0 && options.Seconds > 0 && options.Batch > 0 && options.Warmup >= 0
            ? options
            : throw new ArgumentException("--connections, --grpc-channels, --batch and --seconds must be positive, --warmup not negative.");
    }

    /// <summary>The arguments that start the monitor's own process against <paramref name="rest"/>.</summary>
    public IReadOnlyList<string> MonitorArguments(Uri rest, string predictionLog) =>
        ["--monitor-child", rest.ToString(), "--monitor-log", predictionLog, "--dir", Directory,
         "--monitor-interval", MonitorInterval.ToString(CultureInfo.InvariantCulture)];

    /// <summary>The arguments that start a child host with the same serving options.</summary>
    public IReadOnlyList<string> ServeArguments() =>
        ["--serve", "--dir", Directory, "--model", Model, "--log-queue", LogQueue.ToString(CultureInfo.InvariantCulture), .. Registry is null ? Array.Empty<string>() : ["--registry", Registry]];

    private static string Absolute(string path, string flag) =>
        Path.IsPathFullyQualified(path) ? path : throw new ArgumentException($"{flag} '{path}' must be an absolute path.");
}
