using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Ui.Security;

/// <summary>
/// Whether a request may act (promote, roll back, start a rollout): the UI must have an admin token, and the request must carry it in
/// the form field <c>token</c> (the page's password box, sent in the POST body) or as <c>Authorization: Bearer</c>;
/// compared in constant time. The query string is never read, so the token does not end up in logs or history.
/// </summary>
internal static class AdminGate
{
    /// <summary>The form field the pages send the token in.</summary>
    public const string Field = "token";

    /// <summary>Null when allowed, otherwise why not (the page shows it with 403).</summary>
    public static string? Refusal(HttpRequest request, IFormCollection? form, string? configured)
    {
        if (string.IsNullOrEmpty(configured))
            return "The UI is read-only: it was started without an admin token. Restart it with ./build.sh Ui --admin-token <token> to promote, roll back or start a rollout.";
        var given = Given(request, form);
        if (string.IsNullOrEmpty(given))
            return "This action needs the admin token: type it in the token box next to the button.";
        return Matches(given, configured) ? null : "The admin token is not the one the UI was started with; nothing was changed.";
    }

    /// <summary>Constant-time comparison of the UTF-8 bytes (FixedTimeEquals also takes the same time for any content of one length).</summary>
    public static bool Matches(string given, string configured) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(configured));

    private static string? Given(HttpRequest request, IFormCollection? form)
    {
        if (form is not null && form.TryGetValue(Field, out var field) && field.Count == 1) return field[0];
        var header = request.Headers.Authorization.FirstOrDefault();
        const string Scheme = "Bearer ";
        return header is not null && header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }
}
