using System.Text.Json;
using Pipeline.Serving.Inference;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Rest;

/// <summary>
/// Reads the rows of an OIP v2 REST infer request: one tensor per feature (shape [N] or [N, 1], data flat or nested),
/// or a single BYTES tensor whose elements are JSON objects of named features.
/// </summary>
internal static class OipRequest
{
    /// <summary>The rows of <c>{"inputs": [...]}</c> for <paramref name="schema"/>.</summary>
    public static object?[][] Rows(JsonElement body, FeatureSchema schema)
    {
        var inputs = JsonBody.Required(body, "inputs", JsonValueKind.Array, "body").EnumerateArray().ToList();
        if (inputs.Count == 0)
        {
            throw RequestRejectedException.Invalid($"inputs: at least one input tensor is required (one per feature: {schema.Names}).");
        }

        var first = Describe(inputs[0], "inputs[0]");
        if (inputs.Count == 1 && first.Datatype == "BYTES" && schema.Find(first.Name) is null)
        {
            var objects = first.Data.Select((e, i) => e.ValueKind == JsonValueKind.String ? ParseObject(JsonText.String(e, $"inputs[0].data[{i}]"), $"inputs[0].data[{i}]") : e).ToList();
            return FeatureRows.FromObjects(schema, objects, "inputs[0].data");
        }

        var count = first.Rows;
        var rows = new FeatureRows(schema, count);
        for (var t = 0; t < inputs.Count; t++)
        {
            var where = $"inputs[{t}]";
            var tensor = t == 0 ? first : Describe(inputs[t], where);
            var column = FeatureRows.Column(schema, tensor.Name, where);
            TensorTypes.Check(column, tensor.Datatype, $"{where} '{tensor.Name}'");
            if (tensor.Rows != count)
            {
                throw RequestRejectedException.Invalid($"{where} '{tensor.Name}': shape [{string.Join(",", tensor.Shape)}] has {tensor.Rows} rows, but inputs[0] '{first.Name}' has {count}.");
            }

            rows.Begin(column, where);
            for (var r = 0; r < count; r++)
            {
                rows.Set(column, r, FeatureValue.FromJson(column, tensor.Data[r], $"{where} '{tensor.Name}' data[{r}]"));
            }
        }

        return rows.Complete("inputs");
    }

    /// <summary>
    /// The (user, item) pairs of an infer request on a recommender: two tensors named <c>user_id</c> and <c>item_id</c>
    /// (BYTES or INT64, shape [N] or [N, 1], the same N); ids compare as text.
    /// </summary>
    public static (List<string> Users, List<string> Items) Pairs(JsonElement body)
    {
        var inputs = JsonBody.Required(body, "inputs", JsonValueKind.Array, "body").EnumerateArray().Select((e, i) => Describe(e, $"inputs[{i}]")).ToList();
        Tensor Input(string name) => inputs.FirstOrDefault(t => t.Name == name)
            ?? throw RequestRejectedException.Invalid($"inputs: a recommender scores (user, item) pairs: send two tensors, 'user_id' and 'item_id', of the same length (BYTES or INT64); got {(inputs.Count == 0 ? "none" : string.Join(", ", inputs.Select(t => $"'{t.Name}'")))}.");
        var users = Input("user_id");
        var items = Input("item_id");
        if (users.Rows != items.Rows) throw RequestRejectedException.Invalid($"inputs 'user_id' has {users.Rows} values but 'item_id' has {items.Rows}: one user per item.");
        return (Ids(users), Ids(items));
    }

    private static List<string> Ids(Tensor tensor) => [.. tensor.Data.Select((e, i) => e.ValueKind switch
    {
        JsonValueKind.String => JsonText.String(e, $"'{tensor.Name}' data[{i}]"),
        JsonValueKind.Number when e.TryGetInt64(out var n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw RequestRejectedException.Invalid($"'{tensor.Name}' data[{i}]: must be an id (string or integer), not {e.GetRawText()}."),
    })];

    private static JsonElement ParseObject(string text, string where)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw RequestRejectedException.Invalid($"{where}: not a JSON object of features: {e.Message}");
        }
    }

    private static Tensor Describe(JsonElement input, string where)
    {
        var name = JsonText.String(JsonBody.Required(input, "name", JsonValueKind.String, where), $"{where}.name");
        var datatype = JsonText.String(JsonBody.Required(input, "datatype", JsonValueKind.String, where), $"{where}.datatype");
        var shape = JsonBody.Required(input, "shape", JsonValueKind.Array, where).EnumerateArray()
            .Select(d => d.TryGetInt64(out var v) && v >= 0 ? v : throw RequestRejectedException.Invalid($"{where} '{name}': shape entries must be non-negative integers.")).ToArray();
        var data = new List<JsonElement>();
        Flatten(JsonBody.Required(input, "data", JsonValueKind.Array, where), data);
        var ok = shape.Length is 1 or 2 && (shape.Length == 1 || shape[1] == 1) && shape[0] == data.Count;
        return ok ? new Tensor(name, datatype, shape, data)
            : throw RequestRejectedException.Invalid($"{where} '{name}': shape [{string.Join(",", shape)}] must be [N] or [N,1] with N = the {data.Count} data values.");
    }

    private static void Flatten(JsonElement array, List<JsonElement> into)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Array)
            {
                Flatten(item, into);
            }
            else
            {
                into.Add(item);
            }
        }
    }

    private sealed record Tensor(string Name, string Datatype, long[] Shape, List<JsonElement> Data)
    {
        public int Rows => Data.Count;
    }
}
