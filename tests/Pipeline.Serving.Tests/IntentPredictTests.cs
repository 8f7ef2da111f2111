using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pipeline.Serving.Tests;

/// <summary>Issue 10 item 5: an intent model trained on short utterances gates on macro_f1 and answers with alternatives and a fallback flag.</summary>
[Collection(ServingCollection.Name)]
public sealed class IntentPredictTests(IntentFixture intents, ServingFixture fixture) : IClassFixture<IntentFixture>
{
    [Fact]
    public void Train_IntentTable_GatesOnMacroF1AndPasses()
    {
        var condition = Assert.Single(intents.Gate.Conditions);

        Assert.Equal(("min", "macro_f1", 0.5), (condition.Condition, condition.Metric, condition.Threshold));
        Assert.True(intents.Gate.Passed, intents.Gate.ToTable());
        using var metrics = JsonDocument.Parse(File.ReadAllText(intents.MetricsPath));
        Assert.True(metrics.RootElement.GetProperty("accuracy").GetDouble() > 0.5, File.ReadAllText(intents.MetricsPath));
    }

    [Fact]
    public async Task V1Predict_Utterance_AnswersIntentProbabilityTopThreeAlternativesAndFallback()
    {
        await using var host = await StartAsync(fallbackBelow: 0.5);

        var answers = await PredictAsync(host, "what is my account balance", "zzz qqq");

        var clear = answers[0];
        Assert.Equal("check_balance", clear.GetProperty("class").GetString());
        var probability = clear.GetProperty("probability").GetDouble();
        Assert.Equal(clear.GetProperty("probabilities").GetProperty("check_balance").GetDouble(), probability);
        var alternatives = clear.GetProperty("alternatives").EnumerateArray().ToList();
        Assert.Equal(3, alternatives.Count);
        // NOTE: the alternatives are the three next most probable intents, in order, each below the answer.
        var ranked = clear.GetProperty("probabilities").EnumerateObject().OrderByDescending(p => p.Value.GetDouble()).Skip(1).Take(3).Select(p => p.Name);
        Assert.Equal(ranked, alternatives.Select(a => a.GetProperty("class").GetString()));
        Assert.All(alternatives, a => Assert.True(a.GetProperty("probability").GetDouble() <= probability));
        Assert.Equal(probability < 0.5, clear.GetProperty("fallback").GetBoolean());
        var gibberish = answers[1];
        Assert.True(gibberish.GetProperty("probability").GetDouble() < 0.5, gibberish.ToString());
        Assert.True(gibberish.GetProperty("fallback").GetBoolean());
    }

    [Fact]
    public async Task V1Predict_FallbackBelowRaised_SameAnswerFallsBack()
    {
        await using var host = await StartAsync(fallbackBelow: 1.0);

        var answer = (await PredictAsync(host, "what is my account balance"))[0];

        Assert.Equal("check_balance", answer.GetProperty("class").GetString());
        Assert.True(answer.GetProperty("fallback").GetBoolean());
    }

    private Task<RunningHost> StartAsync(double fallbackBelow) =>
        RunningHost.StartAsync(fixture, o => o with { RootDirectory = intents.Root, ModelName = IntentFixture.Model, FallbackBelow = fallbackBelow });

    private static async Task<List<JsonElement>> PredictAsync(RunningHost host, params string[] utterances)
    {
        var response = await host.Http.PostAsJsonAsync($"/v1/models/{IntentFixture.Model}:predict", new { instances = utterances.Select(u => new { text = u }).ToArray() });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return [.. json.RootElement.GetProperty("predictions").EnumerateArray().Select(p => p.Clone())];
    }
}
