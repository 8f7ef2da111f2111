using System.Buffers.Binary;
using System.Text;
using Google.Protobuf;
using Pipeline.Serving.Grpc.Inference;
using Pipeline.Serving.Inference;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Grpc;

/// <summary>
/// Reads the rows of a gRPC <c>ModelInferRequest</c>: one tensor per feature with shape [N] or [N, 1], values in the
/// typed <c>contents</c> field of its datatype or in <c>raw_input_contents</c> (little-endian; BYTES elements
/// prefixed by a 4-byte length).
/// </summary>
internal static class TensorRows
{
    /// <summary>The request's rows for <paramref name="schema"/>.</summary>
    public static object?[][] Rows(ModelInferRequest request, FeatureSchema schema)
    {
        if (request.Inputs.Count == 0)
        {
            throw RequestRejectedException.Invalid($"inputs: at least one input tensor is required (one per feature: {schema.Names}).");
        }

        if (request.RawInputContents.Count > 0 && request.RawInputContents.Count != request.Inputs.Count)
        {
            throw RequestRejectedException.Invalid($"raw_input_contents has {request.RawInputContents.Count} entries for {request.Inputs.Count} inputs.");
        }

        var count = Count(request.Inputs[0], "inputs[0]");
        var rows = new FeatureRows(schema, count);
        for (var t = 0; t < request.Inputs.Count; t++)
        {
            var input = request.Inputs[t];
            var where = $"inputs[{t}] '{input.Name}'";
            var column = FeatureRows.Column(schema, input.Name, $"inputs[{t}]");
            TensorTypes.Check(column, input.Datatype, where);
            if (Count(input, where) != count)
            {
                throw RequestRejectedException.Invalid($"{where}: {Count(input, where)} rows, but inputs[0] has {count}.");
            }

            var values = request.RawInputContents.Count > 0 ? Raw(input.Datatype, request.RawInputContents[t]) : Typed(input);
            if (values.Count != count)
            {
                throw RequestRejectedException.Invalid($"{where}: shape says {count} values, contents hold {values.Count}.");
            }

            rows.Begin(column, $"inputs[{t}]");
            for (var r = 0; r < count; r++)
            {
                rows.Set(column, r, Convert(column, values[r], $"{where}[{r}]"));
            }
        }

        return rows.Complete("inputs");
    }

    private static int Count(ModelInferRequest.Types.InferInputTensor input, string where) =>
        input.Shape.Count is 1 or 2 && (input.Shape.Count == 1 || input.Shape[1] == 1) && input.Shape[0] is >= 0 and <= int.MaxValue
            ? (int)input.Shape[0]
            : throw RequestRejectedException.Invalid($"{where}: shape [{string.Join(",", input.Shape)}] must be [N] or [N,1].");

    private static List<object> Typed(ModelInferRequest.Types.InferInputTensor input)
    {
        var c = input.Contents ?? new InferTensorContents();
        return input.Datatype switch
        {
            "FP32" => c.Fp32Contents.Select(v => (object)(double)v).ToList(),
            "FP64" => c.Fp64Contents.Select(v => (object)v).ToList(),
            "INT8" or "INT16" or "INT32" => c.IntContents.Select(v => (object)(long)v).ToList(),
            "INT64" => c.Int64Contents.Select(v => (object)v).ToList(),
            "UINT8" or "UINT16" or "UINT32" => c.UintContents.Select(v => (object)(long)v).ToList(),
            "UINT64" => c.Uint64Contents.Select(v => (object)(double)v).ToList(),
            "BOOL" => c.BoolContents.Select(v => (object)v).ToList(),
            "BYTES" => c.BytesContents.Select(v => (object)v.ToStringUtf8()).ToList(),
            _ => throw RequestRejectedException.Invalid($"input '{input.Name}': datatype '{input.Datatype}' needs raw_input_contents."),
        };
    }

    private static List<object> Raw(string datatype, ByteString bytes)
    {
        var span = bytes.Span;
        var values = new List<object>();
        var (size, read) = datatype switch
        {
            "FP32" => (4, (Func<int, object>)(i => (double)BinaryPrimitives.ReadSingleLittleEndian(bytes.Span[i..]))),
            "FP64" => (8, i => BinaryPrimitives.ReadDoubleLittleEndian(bytes.Span[i..])),
            "INT32" => (4, i => (long)BinaryPrimitives.ReadInt32LittleEndian(bytes.Span[i..])),
            "INT64" => (8, i => BinaryPrimitives.ReadInt64LittleEndian(bytes.Span[i..])),
            "BOOL" => (1, i => bytes.Span[i] != 0),
            _ => (0, (Func<int, object>?)null),
        };
        if (datatype == "BYTES")
        {
            for (var i = 0; i + 4 <= span.Length;)
            {
                var length = BinaryPrimitives.ReadInt32LittleEndian(span[i..]);
                values.Add(length >= 0 && i + 4 + length <= span.Length ? Encoding.UTF8.GetString(span.Slice(i + 4, length)) : throw RequestRejectedException.Invalid("raw BYTES content is truncated."));
                i += 4 + length;
            }

            return values;
        }

        if (read is null || span.Length % size != 0)
        {
            throw RequestRejectedException.Invalid($"raw content of datatype '{datatype}' is not supported or its length {span.Length} is not a multiple of the element size.");
        }

        for (var i = 0; i < span.Length; i += size)
        {
            values.Add(read(i));
        }

        return values;
    }

    private static object? Convert(FeatureColumn column, object value, string where) => (column.Type, value) switch
    {
        (FeatureType.Single, double d) => (float)FeatureValue.Finite(column, d, where) is var f && !float.IsInfinity(f) ? (double.IsNaN(d) ? null : f) : throw RequestRejectedException.Invalid($"{where}: {d} is out of the Single range."),
        (FeatureType.Single, long l) => (float)l,
        (FeatureType.Double, double d) => double.IsNaN(FeatureValue.Finite(column, d, where)) ? null : d,
        (FeatureType.Double, long l) => (double)l,
        (FeatureType.Int32, long l) => l is >= int.MinValue and <= int.MaxValue ? (int)l : throw RequestRejectedException.Invalid($"{where}: {l} is out of the Int32 range."),
        (FeatureType.Int64, long l) => l,
        (FeatureType.Boolean, bool b) => b,
        (FeatureType.Text, string s) => s.AsMemory(),
        _ => throw RequestRejectedException.Invalid($"{where}: expected {FeatureValue.Expected(column.Type)}."),
    };
}
