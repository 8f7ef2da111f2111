using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Ml.Sources;

namespace ReferencePipeline.Simulation;

/// <summary>
/// Sends simulated transactions to a serving host one at a time (v1 predict, request id <c>phase-id</c>, so the log and
/// the feedback rows derived from it are the same on every run), then feeds back each one's true label. With a
/// <see cref="Shadow"/> host, each row is also scored there (no feedback: that host's log is not monitored).
/// </summary>
internal sealed class TrafficClient(HttpClient http, string model)
{
    /// <summary>A second host (the previous production model) that scores every row in shadow; null: none.</summary>
    public HttpClient? Shadow { get; set; }

    private const int FeedbackBatch = 200;

    /// <summary>
    /// Predicts every row, then posts the labels (a seeded <paramref name="mislabelShare"/> of them inverted: a labelling
    /// fault); counts what each model version got right on the true labels.
    /// </summary>
    public async Task<PhaseOutcome> SendAsync(string phase, IEnumerable<CardTransaction> rows, CancellationToken cancel, double mislabelShare = 0, int seed = 0)
    {
        var outcome = new PhaseOutcome(phase);
        var mislabel = new Random(seed);
        var labels = new List<object>();
        foreach (var row in rows)
        {
            var id = $"{phase}-{row.Id}";
            var (version, score, predicted) = await PredictAsync(http, id, row, cancel);
            outcome.Add(version, score, predicted, row.IsFraud);
            if (Shadow is { } shadow)
            {
                var (previous, shadowScore, shadowPredicted) = await PredictAsync(shadow, id, row, cancel);
                outcome.Add(previous, shadowScore, shadowPredicted, row.IsFraud, shadow: true);
            }

            var fedBack = mislabelShare > 0 && mislabel.NextDouble() < mislabelShare ? !row.IsFraud : row.IsFraud;
            labels.Add(new Dictionary<string, object> { ["request_id"] = id, ["label"] = fedBack ? 1 : 0 });
        }
        foreach (var batch in labels.Chunk(FeedbackBatch)) await FeedbackAsync(batch, cancel);
        return outcome;
    }

    private async Task<(string Version, double Score, bool Label)> PredictAsync(HttpClient client, string id, CardTransaction row, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v1/models/{model}:predict")
        {
            Content = JsonContent.Create(new { instances = new[] { row.Features() } }),
        };
        request.Headers.Add("x-request-id", id);
        using var response = await client.SendAsync(request, cancel);
        var body = await response.Content.ReadAsStringAsync(cancel);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Prediction {id} failed: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        var prediction = json.RootElement.GetProperty("predictions")[0];
        return (json.RootElement.GetProperty("model_version").GetString()!, prediction.GetProperty("probability").GetDouble(),
            prediction.GetProperty("label").GetBoolean());
    }

    // NOTE: the host logs through an asynchronous writer, so feedback for the newest predictions can arrive before
    // their log rows; a 404 for that reason is retried briefly.
    private async Task FeedbackAsync(object[] batch, CancellationToken cancel)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await http.PostAsJsonAsync("v1/feedback", batch, cancel);
            if (response.IsSuccessStatusCode) return;
            var body = await response.Content.ReadAsStringAsync(cancel);
            if (response.StatusCode != HttpStatusCode.NotFound || attempt == 50)
                throw new InvalidOperationException($"Feedback failed: {(int)response.StatusCode} {body}");
            await Task.Delay(100, cancel);
        }
    }
}
