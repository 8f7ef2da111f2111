using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Pipeline.Serving.Hosting;

/// <summary>
/// Kestrel's listeners: the REST port (HTTP/1.1) and the gRPC port (HTTP/2 cleartext); keeps the listen options to
/// report the bound ports (port 0 = dynamic).
/// </summary>
internal sealed class ServingEndpoints
{
    private ListenOptions? rest;
    private ListenOptions? grpc;

    /// <summary>The bound addresses (after start).</summary>
    public ServingAddresses Addresses => rest is null
        ? throw new InvalidOperationException("The host has not been configured.")
        : new ServingAddresses(Uri(rest), Uri(grpc!));

    /// <summary>Configures Kestrel from the options.</summary>
    public void Configure(IWebHostBuilder web, ServingOptions options) => web.ConfigureKestrel(kestrel =>
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        var address = IPAddress.Parse(options.BindAddress);
        kestrel.Listen(address, options.Port, l =>
        {
            l.Protocols = HttpProtocols.Http1;
            rest = l;
        });
        kestrel.Listen(address, options.GrpcPort, l =>
        {
            l.Protocols = HttpProtocols.Http2;
            grpc = l;
        });
    });

    private static Uri Uri(ListenOptions listen) => new($"http://{listen.IPEndPoint}");
}
