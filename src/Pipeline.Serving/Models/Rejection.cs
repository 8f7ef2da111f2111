namespace Pipeline.Serving.Models;

/// <summary>Why a request was refused; each adapter maps it to its protocol's status.</summary>
internal enum Rejection
{
    /// <summary>Malformed or invalid content: HTTP 400, gRPC INVALID_ARGUMENT.</summary>
    Invalid,

    /// <summary>Unknown model or id: HTTP 404, gRPC NOT_FOUND.</summary>
    NotFound,

    /// <summary>Body over the size limit: HTTP 413, gRPC RESOURCE_EXHAUSTED.</summary>
    TooLarge,

    /// <summary>No model loaded yet: HTTP 503, gRPC UNAVAILABLE.</summary>
    Unavailable,
}
