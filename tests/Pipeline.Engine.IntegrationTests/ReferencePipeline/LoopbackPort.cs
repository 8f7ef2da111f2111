using System.Net;
using System.Net.Sockets;

namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>Free TCP ports on 127.0.0.1 for hosts the tests start.</summary>
internal static class LoopbackPort
{
    /// <summary>A port nothing listens on right now (the OS picks it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
