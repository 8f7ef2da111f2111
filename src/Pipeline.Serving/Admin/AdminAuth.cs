using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Pipeline.Serving.Rest;

namespace Pipeline.Serving.Admin;

/// <summary>
/// The admin API's bearer-token check: with <see cref="ServingOptions.AdminToken"/> set, a request needs
/// <c>Authorization: Bearer &lt;token&gt;</c> (compared in constant time) or gets 401. Without a token the host is
/// loopback-only (options validation) and the admin API is open to local callers.
/// </summary>
internal static class AdminAuth
{
    /// <summary>The endpoint filter.</summary>
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var options = context.HttpContext.RequestServices.GetService(typeof(ServingOptions)) as ServingOptions;
        if (options?.AdminToken is { Length: > 0 } token && !Authorized(context.HttpContext.Request, token))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return JsonAnswer.Error("The admin API needs 'Authorization: Bearer <token>' with the host's admin token.", StatusCodes.Status401Unauthorized);
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
