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

    /// <summary>No model loaded yet, or no room in the prediction log in time: HTTP 503, gRPC UNAVAILABLE.</summary>
    Unavailable,

    /// <summary>The request conflicts with what is stored (a second label for one request id): HTTP 409.</summary>
    Conflict,

    /// <summary>The body is not declared as JSON: HTTP 415.</summary>
    UnsupportedMediaType,
}
