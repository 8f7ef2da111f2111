using System.Buffers;
using System.Text;
using System.Text.Json;
using Pipeline.Ml.Recommendation;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Logging;

/// <summary>The JSON texts stored in the <c>features</c> and <c>output</c> columns of the prediction log.</summary>
internal static class PredictionJson
{
    /// <summary>The request's features as one object, in feature order (missing values as null).</summary>
    public static string Features(FeatureSchema schema, object?[] values) => Write(json =>
    {
        json.WriteStartObject();
        foreach (var column in schema.Columns)
        {
            json.WritePropertyName(column.Name);
            WriteValue(json, values[column.Ordinal]);
        }

        json.WriteEndObject();
    });

    /// <summary>The prediction as the v1 API shows it (without ids).</summary>
    public static string Output(Prediction prediction, IReadOnlyList<string> classes) => Write(json => WriteOutput(json, prediction, classes));

    /// <summary>How many runner-up classes a multiclass answer lists as <c>alternatives</c>.</summary>
    /// <summary>A recommendation request as the log's features: user_id, k, exclude and, when given, filter (columns and values sorted).</summary>
    public static string RecommendRequest(RecommendRequest request) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("user_id", request.User);
        json.WriteNumber("k", request.K);
        json.WriteStartArray("exclude");
        foreach (var item in request.Exclude) json.WriteStringValue(item);
        json.WriteEndArray();
        if (request.Filter is { Count: > 0 } filter)
        {
            json.WriteStartObject("filter");
            foreach (var (column, values) in filter.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WriteStartArray(column);
                foreach (var value in values.Order(StringComparer.Ordinal)) json.WriteStringValue(value);
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    });

    /// <summary>The (user, item) pairs an OIP infer on a recommender scored, as the log's features.</summary>
    public static string Pairs(IReadOnlyList<string> users, IReadOnlyList<string> items) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("user_id");
        foreach (var user in users) json.WriteStringValue(user);
        json.WriteEndArray();
        json.WriteStartArray("item_id");
        foreach (var item in items) json.WriteStringValue(item);
        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>Pair scores as the log's output (null for an item outside the catalogue).</summary>
    public static string Scores(double[] scores) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("score");
        foreach (var s in scores)
        {
            if (double.IsFinite(s)) json.WriteNumberValue(Math.Round(s, 6));
            else json.WriteNullValue();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>A recommendation as the log's output and the answer's body: items with scores, and cold_start.</summary>
    public static string Recommendation(IReadOnlyList<RecommendedItem> items, bool coldStart) => Write(json => WriteRecommendation(json, items, coldStart));

    /// <summary>Writes <c>"items": [{"item", "score"}…], "cold_start"</c> into the open object.</summary>
    public static void WriteRecommendationFields(Utf8JsonWriter json, IReadOnlyList<RecommendedItem> items, bool coldStart)
    {
        json.WriteStartArray("items");
        foreach (var item in items)
        {
            json.WriteStartObject();
            json.WriteString("item", item.Item);
            json.WriteNumber("score", Math.Round(item.Score, 6));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean("cold_start", coldStart);
    }

    private static void WriteRecommendation(Utf8JsonWriter json, IReadOnlyList<RecommendedItem> items, bool coldStart)
    {
        json.WriteStartObject();
        WriteRecommendationFields(json, items, coldStart);
        json.WriteEndObject();
    }

    public const int Alternatives = 3;

    /// <summary>
    /// Writes a prediction's fields: probability + label, class + probabilities, or value. With <paramref name="fallbackBelow"/>
    /// (the v1 API, not the log) a multiclass answer also carries the class's <c>probability</c>, the next
    /// <see cref="Alternatives"/> classes by probability and <c>fallback</c> (true below that probability).
    /// </summary>
    public static void WriteOutput(Utf8JsonWriter json, Prediction p, IReadOnlyList<string> classes, string? requestId = null, double? fallbackBelow = null)
    {
        json.WriteStartObject();
        if (requestId is not null)
        {
            json.WriteString("request_id", requestId);
        }

        if (p.Label is { } label)
        {
            Number(json, "probability", p.Score);
            json.WriteBoolean("label", label);
        }
        else if (p.Probabilities is { } probabilities)
        {
            json.WriteString("class", p.Class);
            json.WriteStartObject("probabilities");
            for (var i = 0; i < probabilities.Length; i++)
            {
                Number(json, i < classes.Count ? classes[i] : i.ToString(System.Globalization.CultureInfo.InvariantCulture), probabilities[i]);
            }

            json.WriteEndObject();
            if (fallbackBelow is { } below) WriteIntent(json, p.Score, probabilities, classes, below);
        }
        else
        {
            Number(json, "value", p.Score);
        }

        json.WriteEndObject();
    }

    private static void WriteIntent(Utf8JsonWriter json, float top, float[] probabilities, IReadOnlyList<string> classes, double fallbackBelow)
    {
        Number(json, "probability", top);
        json.WriteStartArray("alternatives");
        // NOTE: ranked by probability, ties by class order; the first ranked is the answer itself, so it is skipped.
        foreach (var i in Enumerable.Range(0, probabilities.Length).OrderByDescending(i => probabilities[i]).ThenBy(i => i).Skip(1).Take(Alternatives))
        {
            json.WriteStartObject();
            json.WriteString("class", i < classes.Count ? classes[i] : i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Number(json, "probability", probabilities[i]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean("fallback", !(top >= fallbackBelow));
    }

    private static void Number(Utf8JsonWriter json, string name, float value)
    {
        if (float.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case float f when float.IsFinite(f): json.WriteNumberValue(f); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case float or double: json.WriteNullValue(); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case bool b: json.WriteBooleanValue(b); break;
            case ReadOnlyMemory<char> text: json.WriteStringValue(text.Span); break;
            default: json.WriteStringValue(value.ToString()); break;
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
