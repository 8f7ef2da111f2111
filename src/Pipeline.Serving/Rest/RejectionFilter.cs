using Microsoft.AspNetCore.Http;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Rest;

/// <summary>Maps <see cref="RequestRejectedException"/> to 400/404/409/413/415/503 with <c>{"error": "..."}</c>.</summary>
internal static class RejectionFilter
{
    /// <summary>The endpoint filter.</summary>
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RequestRejectedException e)
        {
            if (e.Reason == Rejection.Unavailable)
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
            }

            return JsonAnswer.Error(e.Message, Status(e.Reason));
        }
    }

    /// <summary>The HTTP status of a rejection.</summary>
    public static int Status(Rejection reason) => reason switch
    {
        Rejection.NotFound => StatusCodes.Status404NotFound,
        Rejection.TooLarge => StatusCodes.Status413PayloadTooLarge,
        Rejection.Unavailable => StatusCodes.Status503ServiceUnavailable,
        Rejection.Conflict => StatusCodes.Status409Conflict,
        Rejection.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        _ => StatusCodes.Status400BadRequest,
    };
}
