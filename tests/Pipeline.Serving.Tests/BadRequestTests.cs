using System.Net;
using System.Text;
using Grpc.Core;
using Pipeline.Serving.Grpc.Inference;

namespace Pipeline.Serving.Tests;

[Collection(ServingCollection.Name)]
public sealed class BadRequestTests(ServingFixture fixture)
{
    [Theory]
    [InlineData("/v1/models/fraud-detector:predict", """{"instances":[{"amount":1,"hour":2}]}""", HttpStatusCode.BadRequest, "missing feature 'country'")]
    [InlineData("/v1/models/fraud-detector:predict", """{"instances":[{"amount":1,"hour":2,"country":"de","colour":"red"}]}""", HttpStatusCode.BadRequest, "unknown feature 'colour'")]
    [InlineData("/v1/models/fraud-detector:predict", """{"instances":[{"amount":"12","hour":2,"country":"de"}]}""", HttpStatusCode.BadRequest, "instances[0].amount: expected a number, got a string")]
    [InlineData("/v1/models/fraud-detector:predict", """{"instances":[{"amount":1,"hour":null,"country":"de"}]}""", HttpStatusCode.BadRequest, "instances[0].hour: a missing value")]
    [InlineData("/v1/models/fraud-detector:predict", """{"instances":[{"amount":1e300,"hour":2,"country":"de"}]}""", HttpStatusCode.BadRequest, "out of the Single range")]
    [InlineData("/v1/models/fraud-detector:predict", """{"instances":[{"amount":1e400,"hour":2,"country":"de"}]}""", HttpStatusCode.BadRequest, "instances[0].amount: 1e400 is out of the Double range")]
    [InlineData("/v1/models/fraud-detector:predict", """{"instances":[{"amount":"NaN","hour":2,"country":"de"}]}""", HttpStatusCode.BadRequest, "instances[0].amount: expected a number")]
    [InlineData("/v1/models/fraud-detector:predict", """{"instances":[]}""", HttpStatusCode.BadRequest, "at least one instance")]
    [InlineData("/v1/models/fraud-detector:predict", """{"rows":[]}""", HttpStatusCode.BadRequest, "'instances' must be an array")]
    [InlineData("/v1/models/fraud-detector:predict", """{"instances":[""", HttpStatusCode.BadRequest, "not valid JSON")]
    [InlineData("/v1/models/other:predict", """{"instances":[]}""", HttpStatusCode.NotFound, "Unknown model 'other'")]
    [InlineData("/v2/models/other/infer", """{"inputs":[]}""", HttpStatusCode.NotFound, "Unknown model 'other'")]
    [InlineData("/v2/models/fraud-detector/versions/v9.9.9/infer", """{"inputs":[]}""", HttpStatusCode.NotFound, "version 'v9.9.9'")]
    [InlineData("/v2/models/fraud-detector/infer", """{"inputs":[{"name":"amount","shape":[1],"datatype":"BYTES","data":["x"]}]}""", HttpStatusCode.BadRequest, "datatype 'BYTES' cannot feed feature 'amount'")]
    [InlineData("/v2/models/fraud-detector/infer", """{"inputs":[{"name":"amount","shape":[2],"datatype":"FP32","data":[1]}]}""", HttpStatusCode.BadRequest, "shape [2] must be [N] or [N,1]")]
    [InlineData("/v2/models/fraud-detector/infer", """{"inputs":[{"name":"amount","shape":[1],"datatype":"FP32","data":[1]}]}""", HttpStatusCode.BadRequest, "missing features 'hour', 'country'")]
    [InlineData("/v2/models/fraud-detector/infer", """{"inputs":[{"name":"amount","shape":[1],"datatype":"FP32","data":[1]},{"name":"amount","shape":[1],"datatype":"FP32","data":[1]}]}""", HttpStatusCode.BadRequest, "'amount' is given twice")]
    [InlineData("/v1/feedback", """{"request_id":"never-seen","label":true}""", HttpStatusCode.NotFound, "'never-seen'")]
    [InlineData("/v1/feedback", """{"request_id":"x"}""", HttpStatusCode.BadRequest, "body: 'label' is required")]
    [InlineData("/v1/feedback", """{"request_id":"x","label":"maybe"}""", HttpStatusCode.BadRequest, "body.label: 'maybe' is not a label of fraud-detector v0.0.1 (binary): expected true or false")]
    [InlineData("/v1/feedback", """[{"request_id":"x","label":true},{"request_id":"y","label":12345}]""", HttpStatusCode.BadRequest, "body[1].label: '12345' is not a label")]
    [InlineData("/v1/feedback", """{"request_id":"x","label":{"v":1}}""", HttpStatusCode.BadRequest, "body.label: must be true or false")]
    [InlineData("/v1/models/fraud-detector:predict", """{"instances":[{"amount":1,"hour":2,"country":"\ud800"}]}""", HttpStatusCode.BadRequest, "instances[0].country: the text is not valid Unicode")]
    [InlineData("/v1/models/fraud-detector:predict", """{"instances":[{"amount":1,"hour":2,"\udc00x":"de"}]}""", HttpStatusCode.BadRequest, "instances[0] (a property name): the text is not valid Unicode")]
    [InlineData("/v2/models/fraud-detector/infer", """{"id":"\ud800","inputs":[]}""", HttpStatusCode.BadRequest, "id: the text is not valid Unicode")]
    [InlineData("/v2/models/fraud-detector/infer", """{"inputs":[{"name":"\ud800","shape":[1],"datatype":"FP32","data":[1]}]}""", HttpStatusCode.BadRequest, "inputs[0].name: the text is not valid Unicode")]
    [InlineData("/v2/models/fraud-detector/infer", """{"inputs":[{"name":"amount","shape":[1],"datatype":"FP32","data":[1]},{"name":"hour","shape":[1],"datatype":"FP32","data":[2]},{"name":"country","shape":[1],"datatype":"BYTES","data":["a\ud800"]}]}""", HttpStatusCode.BadRequest, "inputs[2] 'country' data[0]: the text is not valid Unicode")]
    [InlineData("/v2/models/fraud-detector/infer", """{"inputs":[{"name":"rows","shape":[1],"datatype":"BYTES","data":["{\"amount\":1,\"hour\":2,\"country\":\"\\ud800\"}"]}]}""", HttpStatusCode.BadRequest, "inputs[0].data[0].country: the text is not valid Unicode")]
    [InlineData("/v1/feedback", """{"request_id":"\ud800","label":true}""", HttpStatusCode.BadRequest, "body.request_id: the text is not valid Unicode")]
    [InlineData("/v1/feedback", """{"request_id":"x","label":"\ud800"}""", HttpStatusCode.BadRequest, "body.label: the text is not valid Unicode")]
    public async Task Post_BadRequest_ClientErrorNamingTheField(string path, string body, HttpStatusCode status, string message)
    {
        await using var host = await RunningHost.StartAsync(fixture);
        var response = await host.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        using var error = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OversizedBody_413AndHostKeepsServing()
    {
        await using var host = await RunningHost.StartAsync(fixture);
        var padding = new string(' ', 70 * 1024);
        var response = await host.Http.PostAsync("/v1/models/fraud-detector:predict", new StringContent("{\"instances\":[]" + padding + "}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("MaxRequestBodyBytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/v2/health/ready")).StatusCode);
    }

    [Fact]
    public async Task GrpcModelInfer_BadRequests_InvalidArgumentOrNotFoundNamingTheField()
    {
        await using var host = await RunningHost.StartAsync(fixture);
        var wrongType = new ModelInferRequest { ModelName = "fraud-detector" };
        wrongType.Inputs.Add(PredictTests.Input("amount", "BOOL", c => c.BoolContents.Add(true)));
        var nan = new ModelInferRequest { ModelName = "fraud-detector" };
        nan.Inputs.Add(PredictTests.Input("amount", "FP32", c => c.Fp32Contents.Add(1)));
        nan.Inputs.Add(PredictTests.Input("hour", "FP32", c => c.Fp32Contents.Add(float.NaN)));
        nan.Inputs.Add(PredictTests.Input("country", "BYTES", c => c.BytesContents.Add(Google.Protobuf.ByteString.CopyFromUtf8("de"))));

        var a = await Assert.ThrowsAsync<RpcException>(() => host.Grpc.ModelInferAsync(wrongType).ResponseAsync);
        var b = await Assert.ThrowsAsync<RpcException>(() => host.Grpc.ModelInferAsync(nan).ResponseAsync);
        var c = await Assert.ThrowsAsync<RpcException>(() => host.Grpc.ModelInferAsync(new ModelInferRequest { ModelName = "other" }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, true), (a.StatusCode, a.Status.Detail.Contains("'amount'", StringComparison.Ordinal)));
        Assert.Equal((StatusCode.InvalidArgument, true), (b.StatusCode, b.Status.Detail.Contains("'hour'", StringComparison.Ordinal)));
        Assert.Equal(StatusCode.NotFound, c.StatusCode);
        Assert.True((await host.Grpc.ServerLiveAsync(new ServerLiveRequest())).Live);
    }
}
