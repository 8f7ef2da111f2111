using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Rest;

/// <summary>Reads a request body as JSON, turning every malformed or oversized body into a rejection.</summary>
internal static class JsonBody
{
    /// <summary>Parses the body; the caller disposes the document.</summary>
    public static async Task<JsonDocument> ReadAsync(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        try
        {
            return await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            throw RequestRejectedException.Invalid($"The body is not valid JSON: {e.Message}");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(limit);
        }
    }

    /// <summary>
    /// Refuses (415) a body not declared as JSON (<c>application/json</c> or <c>+json</c>). Where a request changes
    /// stored state this keeps out the "simple" cross-origin POSTs a web page can send without a preflight
    /// (<c>text/plain</c>, forms).
    /// </summary>
    public static void RequireJsonContentType(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            throw new RequestRejectedException(Rejection.UnsupportedMediaType,
                $"Content-Type '{request.ContentType ?? "(none)"}' is not JSON; send the body with 'Content-Type: application/json'.");
        }
    }

    /// <summary>A required property, or a rejection naming it.</summary>
    public static JsonElement Required(JsonElement parent, string name, JsonValueKind kind, string where) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw RequestRejectedException.Invalid($"{where}: '{name}' must be {(kind == JsonValueKind.Array ? "an array" : kind.ToString().ToLowerInvariant())}.");

    private static RequestRejectedException TooLarge(long limit) =>
        new(Rejection.TooLarge, $"The request body is larger than the limit of {limit} bytes (MaxRequestBodyBytes).");
}
