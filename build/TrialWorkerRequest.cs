using System.Text.Json;
using Pipeline.Formats.Json;
using Pipeline.Ml.Data;
using Pipeline.Ml.Training;

namespace ReferencePipeline;

/// <summary>What a trial task computes: Train's inputs, its task and <c>train</c> params section, and the rung's trials (task i runs the i-th).</summary>
internal sealed record TrialWorkerRequest(string TrainCsv, string Featurizer, MlTask Task, IReadOnlyDictionary<string, string> TrainSection, TrialRung Rung)
{
    public void Write(string path) => JsonLayout.Write(path, json =>
    {
        json.WriteStartObject();
        json.WriteString("train_csv", TrainCsv);
        json.WriteString("featurizer", Featurizer);
        json.WriteString("task", Task.ToString());
        json.WriteStartObject("train");
        foreach (var (key, value) in TrainSection.OrderBy(kv => kv.Key, StringComparer.Ordinal)) json.WriteString(key, value);
        json.WriteEndObject();
        json.WriteNumber("rung", Rung.Rung);
        json.WriteNumber("data_fraction", Rung.DataFraction);
        json.WriteStartArray("trials");
        foreach (var trial in Rung.Trials) json.WriteNumberValue(trial);
        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static TrialWorkerRequest Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var e = doc.RootElement;
        return new TrialWorkerRequest(
            e.GetProperty("train_csv").GetString()!,
            e.GetProperty("featurizer").GetString()!,
            Enum.Parse<MlTask>(e.GetProperty("task").GetString()!),
            e.GetProperty("train").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            new TrialRung(e.GetProperty("rung").GetInt32(), e.GetProperty("data_fraction").GetDouble(), [.. e.GetProperty("trials").EnumerateArray().Select(t => t.GetInt32())]));
    }
}
