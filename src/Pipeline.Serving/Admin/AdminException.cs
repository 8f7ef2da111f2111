using System.Net;

namespace Pipeline.Serving.Admin;

/// <summary>The admin API refused a call; <see cref="Exception.Message"/> is the host's explanation.</summary>
public sealed class AdminException(HttpStatusCode status, string message) : Exception(message)
{
    /// <summary>The HTTP status the host answered with (401 bad token, 400 invalid, 404 unknown version).</summary>
    public HttpStatusCode Status { get; } = status;
}
