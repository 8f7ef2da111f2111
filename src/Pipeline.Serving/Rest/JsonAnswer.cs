using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Rest;

/// <summary>Writes JSON answers, and marks which model version and variant answered (headers and metrics).</summary>
internal static class JsonAnswer
{
    /// <summary>The HttpContext item holding the <see cref="ServedModel"/> that answered.</summary>
    public const string ServedByKey = "pipeline.served-by";

    // NOTE: relaxed escaping keeps quotes in messages readable ('amount', not \u0027amount\u0027); the content is JSON, never HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON result written by <paramref name="write"/>.</summary>
    public static IResult Json(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        var bytes = buffer.WrittenMemory.ToArray();
        return status == StatusCodes.Status200OK
            ? Results.Bytes(bytes, "application/json")
            : Results.Content(System.Text.Encoding.UTF8.GetString(bytes), "application/json", System.Text.Encoding.UTF8, status);
    }

    /// <summary>The OIP error shape <c>{"error": "..."}</c>.</summary>
    public static IResult Error(string message, int status) => Json(j =>
    {
        j.WriteStartObject();
        j.WriteString("error", message);
        j.WriteEndObject();
    }, status);

    /// <summary>
    /// Records the answering model for the metrics and the <c>model-version</c>/<c>model-variant</c> headers, and
    /// returns the request's trace in a <c>traceresponse</c> header (W3C Trace Context level 2:
    /// <c>00-{trace id}-{span id}-{flags}</c>), the trace id its logged predictions carry.
    /// </summary>
    public static void ServedBy(HttpContext context, ServedModel model)
    {
        context.Items[ServedByKey] = model;
        context.Response.Headers["model-version"] = model.Version.ToString();
        context.Response.Headers["model-variant"] = model.Variant;
        if (System.Diagnostics.Activity.Current is { IdFormat: System.Diagnostics.ActivityIdFormat.W3C, Id: { } id })
        {
            context.Response.Headers["traceresponse"] = id;
        }
    }
}
