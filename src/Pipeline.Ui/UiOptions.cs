using System.Net;

namespace Pipeline.Ui;

/// <summary>Options of the web UI (<c>./build.sh Ui</c>), checked at start-up by <see cref="Validate"/> (every problem at once).</summary>
public sealed record UiOptions
{
    /// <summary>The repository root (absolute): every file the UI reads lies inside it.</summary>
    public required string RootDirectory { get; init; }

    /// <summary>The address to bind; loopback unless told otherwise.</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>The HTTP port; 0 picks a free one.</summary>
    public int Port { get; init; } = 5090;

    /// <summary>
    /// The token that allows actions (promote, roll back); without one the UI is read-only and every action answers
    /// 403. It is also the bearer token the UI sends to the serving hosts' admin API, as <c>./build.sh Deploy</c> does.
    /// </summary>
    public string? AdminToken { get; init; }

    /// <summary>The registry folder, relative to the root (default <c>models/registry</c>).</summary>
    public string RegistryRoot { get; init; } = "models/registry";

    /// <summary>The serving hosts a promotion is rolled out to and a rollback is sent to (params.yaml <c>deploy.host</c>).</summary>
    public IReadOnlyList<Uri> ServingHosts { get; init; } = [];

    /// <summary>
    /// What would run now and why (the engine's <c>--plan</c> text), asked for on demand; null when the host has no
    /// way to plan (the page then says so).
    /// </summary>
    public Func<CancellationToken, Task<string>>? Plan { get; init; }

    /// <summary>The registry folder, absolute.</summary>
    public string RegistryPath => Path.GetFullPath(RegistryRoot, RootDirectory);

    /// <summary>Every configuration problem, each naming the option and the fix (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Path.IsPathFullyQualified(RootDirectory) || !Directory.Exists(RootDirectory))
            problems.Add($"RootDirectory '{RootDirectory}' must be an existing absolute folder (the repository root).");
        if (!IPAddress.TryParse(BindAddress, out var address))
            problems.Add($"BindAddress '{BindAddress}' is not an IP address (e.g. 127.0.0.1, or 0.0.0.0 for every interface).");
        else if (!IPAddress.IsLoopback(address) && string.IsNullOrWhiteSpace(AdminToken))
            problems.Add($"BindAddress {BindAddress} is not loopback: set an admin token (--admin-token) so that the UI is not open to the network without one.");
        if (Port is < 0 or > 65535)
            problems.Add($"Port {Port} is outside 0..65535 (--port).");
        return problems;
    }
}
