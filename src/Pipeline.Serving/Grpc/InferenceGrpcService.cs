using Google.Protobuf;
using Grpc.Core;
using Pipeline.Serving.Grpc.Inference;
using Pipeline.Serving.Inference;
using Pipeline.Serving.Models;
using Pipeline.Serving.Rest;

namespace Pipeline.Serving.Grpc;

/// <summary>
/// <c>inference.GRPCInferenceService</c> (Open Inference Protocol v2 over gRPC) as a thin adapter over the
/// <see cref="PredictionService"/>; rejections become INVALID_ARGUMENT, NOT_FOUND or UNAVAILABLE with the same
/// messages as REST. Answers carry the variant in <c>parameters["variant"]</c>.
/// </summary>
internal sealed class InferenceGrpcService(PredictionService service) : GRPCInferenceService.GRPCInferenceServiceBase
{
    public override Task<ServerLiveResponse> ServerLive(ServerLiveRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerLiveResponse { Live = true });

    public override Task<ServerReadyResponse> ServerReady(ServerReadyRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerReadyResponse { Ready = service.Ready });

    public override Task<ServerMetadataResponse> ServerMetadata(ServerMetadataRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerMetadataResponse { Name = "pipeline-serving", Version = "2" });

    public override Task<ModelReadyResponse> ModelReady(ModelReadyRequest request, ServerCallContext context) =>
        Answer(() => new ModelReadyResponse { Ready = service.Resolve(request.Name, request.Version) is not null });

    public override Task<ModelMetadataResponse> ModelMetadata(ModelMetadataRequest request, ServerCallContext context) => Answer(() =>
    {
        var model = service.Resolve(request.Name, request.Version);
        var response = new ModelMetadataResponse { Name = model.Name, Platform = "mlnet", Versions = { model.Version.ToString() } };
        response.Inputs.AddRange(model.Features.Columns.Select(c => Tensor(c.Name, c.Datatype, [-1])));
        response.Outputs.AddRange(TensorTypes.Outputs(model.Task, model.Classes.Count).Select(o => Tensor(o.Name, o.Datatype, o.Shape)));
        return response;
    });

    public override Task<ModelInferResponse> ModelInfer(ModelInferRequest request, ServerCallContext context) => AnswerAsync(async () =>
    {
        var model = service.Resolve(request.ModelName, request.ModelVersion);
        var result = await service.PredictAsync(model, TensorRows.Rows(request, model.Features), request.Id, h => context.RequestHeaders.GetValue(h.ToLowerInvariant()), context.CancellationToken);
        model = result.Model;
        if (context.GetHttpContext() is { } http)
        {
            JsonAnswer.ServedBy(http, model);
        }

        var response = new ModelInferResponse { ModelName = model.Name, ModelVersion = model.Version.ToString(), Id = result.RequestId };
        response.Parameters["variant"] = new InferParameter { StringParam = model.Variant };
        foreach (var tensor in OutputTensor.From(result))
        {
            var output = new ModelInferResponse.Types.InferOutputTensor { Name = tensor.Name, Datatype = tensor.Datatype, Shape = { tensor.Shape }, Contents = new InferTensorContents() };
            switch (tensor.Values)
            {
                case float[] f: output.Contents.Fp32Contents.AddRange(f); break;
                case bool[] b: output.Contents.BoolContents.AddRange(b); break;
                case string[] s: output.Contents.BytesContents.AddRange(s.Select(ByteString.CopyFromUtf8)); break;
            }

            response.Outputs.Add(output);
        }

        return response;
    });

    private static ModelMetadataResponse.Types.TensorMetadata Tensor(string name, string datatype, long[] shape) =>
        new() { Name = name, Datatype = datatype, Shape = { shape } };

    private static Task<T> Answer<T>(Func<T> answer)
    {
        try
        {
            return Task.FromResult(answer());
        }
        catch (RequestRejectedException e)
        {
            throw Status(e);
        }
    }

    private static async Task<T> AnswerAsync<T>(Func<Task<T>> answer)
    {
        try
        {
            return await answer();
        }
        catch (RequestRejectedException e)
        {
            throw Status(e);
        }
    }

    private static RpcException Status(RequestRejectedException e)
    {
        var code = e.Reason switch
        {
            Rejection.NotFound => StatusCode.NotFound,
            Rejection.TooLarge => StatusCode.ResourceExhausted,
            Rejection.Unavailable => StatusCode.Unavailable,
            Rejection.Conflict => StatusCode.AlreadyExists,
            _ => StatusCode.InvalidArgument,
        };
        return new RpcException(new Status(code, e.Message));
    }
}
