using System.Text.Json;
using Google.Protobuf;
using Grpc.Net.Client;
using Pipeline.Serving.Grpc.Inference;

namespace Pipeline.Serving.Bench;

/// <summary>
/// The gRPC side: channels (each its own <see cref="SocketsHttpHandler"/>, so its own HTTP/2 connection) shared
/// round-robin by the callers, a single-row ModelInfer and ServerLive.
/// </summary>
internal sealed class GrpcCalls : IDisposable
{
    private readonly GrpcChannel[] channels;
    private readonly GRPCInferenceService.GRPCInferenceServiceClient[] clients;
    private readonly ModelInferRequest request;

    /// <summary>Opens <paramref name="channelCount"/> channels to <paramref name="grpc"/>; the request holds one row.</summary>
    public GrpcCalls(Uri grpc, string model, string rowJson, int channelCount)
    {
        channels = Enumerable.Range(0, channelCount).Select(_ => GrpcChannel.ForAddress(grpc, new GrpcChannelOptions { HttpHandler = Handler() })).ToArray();
        clients = channels.Select(c => new GRPCInferenceService.GRPCInferenceServiceClient(c)).ToArray();
        request = Request(model, rowJson);
    }

    // NOTE: one handler per channel, so each channel is its own HTTP/2 connection (EnableMultipleHttp2Connections off:
    // a caller never gets a second one); the ConnectCallback opts out of Grpc.Net.Client's load-balancing layer
    // (a subchannel pick per call) that a single static address does not need, and no trace headers are added.
    private static SocketsHttpHandler Handler() => new()
    {
        EnableMultipleHttp2Connections = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        UseProxy = false,
        ActivityHeadersPropagator = null,
        ConnectCallback = async (context, cancel) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(context.DnsEndPoint, cancel);
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        },
    };

    /// <summary>ModelInfer with one row; true when it answers one output row.</summary>
    public async Task<bool> InferAsync(int caller)
    {
        var answer = await clients[caller % clients.Length].ModelInferAsync(request);
        return answer.Outputs.Count > 0;
    }

    /// <summary>ServerLive; true when live.</summary>
    public async Task<bool> LiveAsync(int caller) =>
        (await clients[caller % clients.Length].ServerLiveAsync(new ServerLiveRequest())).Live;

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
        }
    }

    // NOTE: one tensor of shape [1] per JSON property: numbers as FP32, strings as BYTES, booleans as BOOL.
    private static ModelInferRequest Request(string model, string rowJson)
    {
        using var row = JsonDocument.Parse(rowJson);
        var request = new ModelInferRequest { ModelName = model };
        foreach (var property in row.RootElement.EnumerateObject())
        {
            var contents = new InferTensorContents();
            var datatype = property.Value.ValueKind switch
            {
                JsonValueKind.Number => Add(() => contents.Fp32Contents.Add(property.Value.GetSingle()), "FP32"),
                JsonValueKind.String => Add(() => contents.BytesContents.Add(ByteString.CopyFromUtf8(property.Value.GetString())), "BYTES"),
                JsonValueKind.True or JsonValueKind.False => Add(() => contents.BoolContents.Add(property.Value.GetBoolean()), "BOOL"),
                _ => throw new ArgumentException($"--row: '{property.Name}' must be a number, string or boolean."),
            };
            request.Inputs.Add(new ModelInferRequest.Types.InferInputTensor { Name = property.Name, Datatype = datatype, Shape = { 1 }, Contents = contents });
        }

        return request;
    }

    private static string Add(Action add, string datatype)
    {
        add();
        return datatype;
    }
}
