using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Serving.Rollouts;

namespace Pipeline.Serving.Admin;

/// <summary>
/// A client of a serving host's admin API (what <c>./build.sh Deploy</c> and <c>./build.sh Rollback</c> call). Every
/// method returns the host's JSON answer (the rollout state, or the A/B report) and throws
/// <see cref="AdminException"/> with the host's message when it refuses.
/// </summary>
public sealed class AdminClient
{
    private readonly HttpClient http;
    private readonly string? token;

    /// <summary>A client of the host at <paramref name="http"/>'s base address (e.g. http://127.0.0.1:5080).</summary>
    public AdminClient(HttpClient http, string? token)
    {
        ArgumentNullException.ThrowIfNull(http);
        (this.http, this.token) = (http, token);
    }

    /// <summary><c>GET /admin/rollout</c>: the rollout state.</summary>
    public Task<JsonElement> GetRolloutAsync(CancellationToken cancel = default) => SendAsync(HttpMethod.Get, "admin/rollout", null, cancel);

    /// <summary><c>POST /admin/rollout</c>: starts a rollout (direct and blue-green switch before answering).</summary>
    public Task<JsonElement> StartRolloutAsync(RolloutRequest request, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Post, "admin/rollout", JsonContent.Create(request), cancel);

    /// <summary><c>POST /admin/rollout/promote</c>: makes the running candidate live.</summary>
    public Task<JsonElement> PromoteAsync(CancellationToken cancel = default) => SendAsync(HttpMethod.Post, "admin/rollout/promote", null, cancel);

    /// <summary><c>POST /admin/rollback</c>: withdraws the candidate, or restores the previous live model.</summary>
    public Task<JsonElement> RollbackAsync(CancellationToken cancel = default) => SendAsync(HttpMethod.Post, "admin/rollback", null, cancel);

    /// <summary><c>GET /admin/abtest</c>: per-variant outcomes, the significance test and the verdict.</summary>
    public Task<JsonElement> GetAbTestAsync(CancellationToken cancel = default) => SendAsync(HttpMethod.Get, "admin/abtest", null, cancel);

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancel);
        var text = await response.Content.ReadAsStringAsync(cancel);
        if (!response.IsSuccessStatusCode)
        {
            throw new AdminException(response.StatusCode, $"{method} /{path} answered {(int)response.StatusCode}: {Error(text)}");
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    private static string Error(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("error", out var e) ? e.GetString() ?? text : text;
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
