using System.Text.Json;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Ingest.Feedback;

/// <summary>Turns a labelled prediction into a snapshot row: logged features by column name, the derived key, the mapped label.</summary>
internal sealed class FeedbackRow(IReadOnlyList<string> header, int keyIndex, int labelIndex)
{
    private readonly HashSet<string> columns = new(header, StringComparer.Ordinal);

    /// <summary>Logged fields that matched no snapshot column, collected over all rows.</summary>
    public SortedSet<string> IgnoredFields { get; } = new(StringComparer.Ordinal);

    /// <summary>The row's fields in header order; a feature the request did not carry is missing (empty).</summary>
    public string?[] Build(LabelledPrediction prediction, string key, string label)
    {
        var fields = new string?[header.Count];
        using var features = Parse(prediction);
        foreach (var property in features.RootElement.EnumerateObject())
        {
            if (!columns.Contains(property.Name) || property.Name == header[keyIndex] || property.Name == header[labelIndex])
            {
                IgnoredFields.Add(property.Name);
                continue;
            }
            fields[IndexOf(property.Name)] = Text(property.Value);
        }
        fields[keyIndex] = key;
        fields[labelIndex] = label;
        return fields;
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i] == name) return i;
        }
        throw new InvalidOperationException($"Column '{name}' is not in the header.");
    }

    private static JsonDocument Parse(LabelledPrediction prediction)
    {
        try
        {
            var document = JsonDocument.Parse(prediction.FeaturesJson);
            if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
            document.Dispose();
        }
        catch (JsonException)
        {
        }
        throw new InvalidDataException($"Prediction '{prediction.RequestId}' in the prediction log has features that are not a JSON object; the log is damaged.");
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? SnapshotValue.Format(whole) : SnapshotValue.Format(value.GetDouble()),
        JsonValueKind.String => SnapshotValue.Format(value.GetString()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };
}
