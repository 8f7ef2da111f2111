using System.Net;
using System.Text.RegularExpressions;
using Npgsql;
using Pipeline.Engine.Primitives;
using Pipeline.Ml.Gate;

namespace Pipeline.Serving;

/// <summary>
/// Options of the serving host, validated at start-up by <see cref="Validate"/> (every problem listed at once).
/// Relative paths resolve against <see cref="RootDirectory"/> (the repository root), never the current directory.
/// </summary>
public sealed partial record ServingOptions
{
    /// <summary>The repository root (absolute); relative paths below resolve against it.</summary>
    public required string RootDirectory { get; init; }

    /// <summary>The registry folder (default <c>models/registry</c>).</summary>
    public string RegistryRoot { get; init; } = "models/registry";

    /// <summary>The served model's name (params.yaml's <c>model.name</c>).</summary>
    public string ModelName { get; init; } = "fraud-detector";

    /// <summary>The version to serve (e.g. <c>v0.0.3</c>); null serves the registry's production version.</summary>
    public string? ModelVersion { get; init; }

    /// <summary>The variant name the initial model answers as.</summary>
    public string Variant { get; init; } = "stable";

    /// <summary>The address to bind (default loopback 127.0.0.1).</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>REST port (HTTP/1.1); 0 picks a free port.</summary>
    public int Port { get; init; } = 5080;

    /// <summary>gRPC port (HTTP/2 cleartext); 0 picks a free port.</summary>
    // NOTE: a separate port because Kestrel's cleartext Http1AndHttp2 endpoints speak only HTTP/1.1 (no h2c
    // upgrade or prior-knowledge detection), so gRPC clients cannot share the REST port without TLS.
    public int GrpcPort { get; init; } = 5081;

    /// <summary>
    /// Bearer token of the admin API (sent as <c>Authorization: Bearer</c>); without one the admin API answers 403
    /// to every call. Required when binding a non-loopback address.
    /// </summary>
    public string? AdminToken { get; init; }

    /// <summary>Largest accepted request body in bytes (REST and gRPC messages).</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>The SQLite prediction log (default <c>data/serving/predictions.db</c>), unless PostgreSQL is given.</summary>
    public string PredictionLogPath { get; init; } = "data/serving/predictions.db";

    /// <summary>A PostgreSQL connection string; when set, the prediction log goes there instead of SQLite.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>
    /// Capacity of the prediction log queue in rows; when it is full a request waits for room (back-pressure) for up to
    /// <see cref="LogWaitTimeout"/>, then gets 503 (gRPC UNAVAILABLE): no prediction is answered unrecorded.
    /// </summary>
    public int LogQueueCapacity { get; init; } = 65_536;

    /// <summary>How long a request waits for room in a full prediction log queue before it is refused (default 5 s).</summary>
    public TimeSpan LogWaitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A multiclass (intent) answer below this top probability carries <c>fallback: true</c>, so a chatbot hands over
    /// instead of acting on a guess (params.yaml <c>serve.fallback_below</c>; default 0.5; 0 turns it off).
    /// </summary>
    public double FallbackBelow { get; init; } = 0.5;

    /// <summary>
    /// An OTLP collector (gRPC, e.g. <c>http://localhost:4317</c>) to send traces and metrics to; when null, the
    /// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable turns the exporter on, and without it nothing is sent.
    /// </summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>The registry folder, absolute.</summary>
    public string RegistryPath => Path.GetFullPath(RegistryRoot, RootDirectory);

    /// <summary>The SQLite log file, absolute.</summary>
    public string PredictionLogFullPath => Path.GetFullPath(PredictionLogPath, RootDirectory);

    /// <summary>The folder of the version to serve, or a problem description.</summary>
    public string? ModelFolder(out string? problem)
    {
        problem = null;
        if (ModelVersion is { } requested)
        {
            var folder = Path.Combine(RegistryPath, ModelName, requested);
            problem = !Pipeline.Engine.Primitives.ModelVersion.TryParse(requested, out _) ? $"ModelVersion '{requested}' is not a version like v0.0.1."
                : !Directory.Exists(folder) ? $"ModelVersion {requested} of '{ModelName}' is not registered in {RegistryPath}. Registered: {Registered()}." : null;
            return problem is null ? folder : null;
        }

        var production = RegistryFolder.Production(RegistryPath, ModelName);
        problem = production is null
            ? $"'{ModelName}' has no production version in {RegistryPath} (registered: {Registered()}). Run ./build.sh Deploy, or pass a version to serve."
            : !Directory.Exists(production) ? $"The production pointer of '{ModelName}' names {Path.GetFileName(production)}, which is not registered." : null;
        return problem is null ? production : null;
    }

    /// <summary>Every configuration problem, each naming the option and the fix (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Path.IsPathFullyQualified(RootDirectory) || !Directory.Exists(RootDirectory))
        {
            problems.Add($"RootDirectory '{RootDirectory}' must be an existing absolute folder (the repository root).");
            return problems;
        }

        if (!ModelNamePattern().IsMatch(ModelName))
        {
            problems.Add($"ModelName '{ModelName}' must be a plain name of letters, digits, '.', '_' or '-' (no path separators, not starting with '.').");
        }
        else if (ModelFolder(out var problem) is null)
        {
            problems.Add(problem!);
        }

        if (!ModelNamePattern().IsMatch(Variant))
        {
            problems.Add($"Variant '{Variant}' must be a plain name of letters, digits, '.', '_' or '-'.");
        }

        if (!IPAddress.TryParse(BindAddress, out var address))
        {
            problems.Add($"BindAddress '{BindAddress}' is not an IP address (e.g. 127.0.0.1, or 0.0.0.0 for every interface).");
        }
        else if (!IPAddress.IsLoopback(address) && string.IsNullOrWhiteSpace(AdminToken))
        {
            problems.Add($"BindAddress {BindAddress} is not loopback: set an AdminToken so the admin API is not open to the network.");
        }

        problems.AddRange(PortProblems());
        if (FallbackBelow is < 0 or > 1 || double.IsNaN(FallbackBelow))
        {
            problems.Add($"FallbackBelow (serve.fallback_below) must be a probability between 0 and 1, not {FallbackBelow}.");
        }

        if (MaxRequestBodyBytes <= 0)
        {
            problems.Add($"MaxRequestBodyBytes must be positive, not {MaxRequestBodyBytes}.");
        }

        if (LogQueueCapacity <= 0)
        {
            problems.Add($"LogQueueCapacity must be positive, not {LogQueueCapacity}.");
        }

        if (LogWaitTimeout < TimeSpan.Zero)
        {
            problems.Add($"LogWaitTimeout must not be negative, not {LogWaitTimeout}.");
        }

        problems.AddRange(LogProblems());
        return problems;
    }

    private IEnumerable<string> PortProblems()
    {
        if (Port is < 0 or > 65535)
        {
            yield return $"Port {Port} is outside 0..65535.";
        }

        if (GrpcPort is < 0 or > 65535 || (GrpcPort == Port && GrpcPort != 0))
        {
            yield return $"GrpcPort {GrpcPort} must be in 0..65535 and differ from Port {Port} (gRPC needs its own HTTP/2 port).";
        }
    }

    private IEnumerable<string> LogProblems()
    {
        if (PostgresConnectionString is { } connection)
        {
            string? error = null;
            try
            {
                _ = new NpgsqlConnectionStringBuilder(connection);
            }
            catch (ArgumentException e)
            {
                error = e.Message;
            }

            if (error is not null)
            {
                yield return $"PostgresConnectionString is not a valid connection string: {error}";
            }
        }
        else if (string.IsNullOrWhiteSpace(PredictionLogPath))
        {
            yield return "PredictionLogPath must name a SQLite file (default data/serving/predictions.db).";
        }
    }

    private string Registered() =>
        RegistryFolder.Versions(RegistryPath, ModelName) is { Count: > 0 } versions ? string.Join(", ", versions) : "none";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex ModelNamePattern();
}
