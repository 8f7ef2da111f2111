using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf;
using Pipeline.Serving.Grpc.Inference;

namespace Pipeline.Serving.Tests;

[Collection(ServingCollection.Name)]
public sealed class PredictTests(ServingFixture fixture)
{
    [Fact]
    public async Task V1Predict_Batch_EqualsModelsOwnPredictionEngine()
    {
        await using var host = await RunningHost.StartAsync(fixture);
        var response = await host.Http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new
        {
            instances = new object[]
            {
                new { amount = 150.5, hour = 3, country = "us" },
                new { amount = (double?)null, hour = 14, country = "de" },
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var predictions = json.RootElement.GetProperty("predictions");
        Assert.Equal("v0.0.1", json.RootElement.GetProperty("model_version").GetString());
        Assert.Equal("stable", json.RootElement.GetProperty("variant").GetString());
        Assert.Equal(ServingFixture.ReferenceProbability(fixture.VersionFolder("v0.0.1"), 150.5f, 3, "us"), predictions[0].GetProperty("probability").GetSingle());
        Assert.Equal(ServingFixture.ReferenceProbability(fixture.VersionFolder("v0.0.1"), float.NaN, 14, "de"), predictions[1].GetProperty("probability").GetSingle());
        Assert.Equal(predictions[0].GetProperty("probability").GetSingle() >= ModelThreshold(), predictions[0].GetProperty("label").GetBoolean());
        Assert.Equal("v0.0.1", response.Headers.GetValues("model-version").Single());
    }

    [Fact]
    public async Task V2Infer_TensorPerFeatureAndJsonBytes_EqualsModelsOwnPredictionEngine()
    {
        await using var host = await RunningHost.StartAsync(fixture);
        var expected = ServingFixture.ReferenceProbability(fixture.VersionFolder("v0.0.1"), 80f, 2, "fr");
        var tensors = await host.Http.PostAsJsonAsync("/v2/models/fraud-detector/infer", new
        {
            id = "req-1",
            inputs = new object[]
            {
                new { name = "amount", shape = new[] { 1 }, datatype = "FP32", data = new[] { 80.0 } },
                new { name = "hour", shape = new[] { 1, 1 }, datatype = "INT64", data = new[] { new[] { 2 } } },
                new { name = "country", shape = new[] { 1 }, datatype = "BYTES", data = new[] { "fr" } },
            },
        });
        var bytes = await host.Http.PostAsJsonAsync("/v2/models/fraud-detector/infer", new
        {
            inputs = new[] { new { name = "rows", shape = new[] { 1 }, datatype = "BYTES", data = new[] { """{"amount":80,"hour":2,"country":"fr"}""" } } },
        });

        foreach (var response in new[] { tensors, bytes })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var outputs = json.RootElement.GetProperty("outputs");
            Assert.Equal("probability", outputs[0].GetProperty("name").GetString());
            Assert.Equal(expected, outputs[0].GetProperty("data")[0].GetSingle());
            Assert.Equal("stable", json.RootElement.GetProperty("parameters").GetProperty("variant").GetString());
        }

        using var first = JsonDocument.Parse(await tensors.Content.ReadAsStringAsync());
        Assert.Equal("req-1", first.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task V2Metadata_AndHealth_DescribeFeaturesAndReadiness()
    {
        await using var host = await RunningHost.StartAsync(fixture);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/v2/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/v2/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/v2/models/fraud-detector/ready")).StatusCode);
        var metadata = await host.Http.GetStringAsync("/v2/models/fraud-detector");
        Assert.Equal(
            """{"name":"fraud-detector","versions":["v0.0.1"],"platform":"mlnet","inputs":[{"name":"amount","datatype":"FP32","shape":[-1]},{"name":"hour","datatype":"FP32","shape":[-1]},{"name":"country","datatype":"BYTES","shape":[-1]}],"outputs":[{"name":"probability","datatype":"FP32","shape":[-1]},{"name":"label","datatype":"BOOL","shape":[-1]}]}""",
            metadata);
    }

    [Fact]
    public async Task GrpcModelInfer_TypedAndRawContents_EqualsModelsOwnPredictionEngine()
    {
        await using var host = await RunningHost.StartAsync(fixture);
        var expected = ServingFixture.ReferenceProbability(fixture.VersionFolder("v0.0.1"), 42f, 23, "de");
        Assert.True((await host.Grpc.ServerLiveAsync(new ServerLiveRequest())).Live);
        Assert.True((await host.Grpc.ServerReadyAsync(new ServerReadyRequest())).Ready);
        Assert.True((await host.Grpc.ModelReadyAsync(new ModelReadyRequest { Name = "fraud-detector" })).Ready);
        var metadata = await host.Grpc.ModelMetadataAsync(new ModelMetadataRequest { Name = "fraud-detector" });
        Assert.Equal(["amount", "hour", "country"], metadata.Inputs.Select(i => i.Name));

        var typed = new ModelInferRequest { ModelName = "fraud-detector", Id = "g-1" };
        typed.Inputs.Add(Input("amount", "FP32", c => c.Fp32Contents.Add(42f)));
        typed.Inputs.Add(Input("hour", "FP32", c => c.Fp32Contents.Add(23f)));
        typed.Inputs.Add(Input("country", "BYTES", c => c.BytesContents.Add(ByteString.CopyFromUtf8("de"))));
        var raw = new ModelInferRequest { ModelName = "fraud-detector" };
        raw.Inputs.Add(Input("amount", "FP32", null));
        raw.Inputs.Add(Input("hour", "FP64", null));
        raw.Inputs.Add(Input("country", "BYTES", null));
        raw.RawInputContents.Add(ByteString.CopyFrom(BitConverter.GetBytes(42f)));
        raw.RawInputContents.Add(ByteString.CopyFrom(BitConverter.GetBytes(23d)));
        raw.RawInputContents.Add(ByteString.CopyFrom([.. BitConverter.GetBytes(2), .. "de"u8.ToArray()]));

        foreach (var request in new[] { typed, raw })
        {
            var response = await host.Grpc.ModelInferAsync(request);
            Assert.Equal("v0.0.1", response.ModelVersion);
            Assert.Equal("stable", response.Parameters["variant"].StringParam);
            Assert.Equal(expected, response.Outputs.Single(o => o.Name == "probability").Contents.Fp32Contents[0]);
        }
    }

    private double ModelThreshold() => Pipeline.Ml.Training.ModelInfo.TryRead(Path.Combine(fixture.VersionFolder("v0.0.1"), "model.json"))!.Threshold;

    internal static ModelInferRequest.Types.InferInputTensor Input(string name, string datatype, Action<InferTensorContents>? fill)
    {
        var input = new ModelInferRequest.Types.InferInputTensor { Name = name, Datatype = datatype, Shape = { 1 } };
        if (fill is not null)
        {
            input.Contents = new InferTensorContents();
            fill(input.Contents);
        }

        return input;
    }
}
