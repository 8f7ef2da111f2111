using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Pipeline.Serving.Rest;

namespace Pipeline.Serving.Admin;

/// <summary>
/// The admin API's bearer-token check. Without <see cref="ServingOptions.AdminToken"/> the admin API is off: every
/// call gets 403 with how to turn it on. With a token, a call needs <c>Authorization: Bearer &lt;token&gt;</c>
/// (compared in constant time) or gets 401; the token is never read from the query string. A header is what a web
/// page cannot send cross-origin without a CORS preflight (which this host never grants), so a page's "simple"
/// <c>text/plain</c> POST cannot start or roll back a rollout.
/// </summary>
internal static class AdminAuth
{
    /// <summary>The endpoint filter.</summary>
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var options = context.HttpContext.RequestServices.GetService(typeof(ServingOptions)) as ServingOptions;
        if (options?.AdminToken is not { Length: > 0 } token)
        {
            return JsonAnswer.Error(
                "The admin API is off because the host has no admin token: start it with --admin-token <token> (ServingOptions.AdminToken) and call it with 'Authorization: Bearer <token>'.",
                StatusCodes.Status403Forbidden);
        }

        if (!Authorized(context.HttpContext.Request, token))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return JsonAnswer.Error("The admin API needs 'Authorization: Bearer <token>' with the host's admin token (a header; never the query string).", StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }

    private static bool Authorized(HttpRequest request, string token)
    {
        var header = request.Headers.Authorization.FirstOrDefault();
        const string Scheme = "Bearer ";
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }
}
