namespace Pipeline.Serving.Models;

/// <summary>The one exception for a refused request: the message names the offending field or value.</summary>
internal sealed class RequestRejectedException(Rejection reason, string message) : Exception(message)
{
    /// <summary>Why the request was refused.</summary>
    public Rejection Reason { get; } = reason;

    /// <summary>An invalid-content rejection.</summary>
    public static RequestRejectedException Invalid(string message) => new(Rejection.Invalid, message);
}
