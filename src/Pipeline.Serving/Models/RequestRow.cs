using Microsoft.ML;
using Microsoft.ML.Data;

namespace Pipeline.Serving.Models;

/// <summary>
/// A reusable single input row over a model's saved input schema, refilled for every prediction (what ML.NET's
/// PredictionEngine does with a compile-time class, done here from the schema). Columns the request does not carry
/// (label, key) hold their missing value.
/// </summary>
internal sealed class RequestRow : DataViewRow
{
    private readonly ColumnSlot[] slots;
    private long position = -1;

    public RequestRow(DataViewSchema schema)
    {
        Schema = schema;
        slots = schema.Select(c => ColumnSlot.For(c.Type.RawType)).ToArray();
    }

    public override DataViewSchema Schema { get; }

    // NOTE: downstream getters cache values per position, so every new row must advance it.
    public override long Position => position;

    public override long Batch => 0;

    /// <summary>Loads one request row (values in <paramref name="features"/> order) and advances the position.</summary>
    public void Load(IReadOnlyList<FeatureColumn> features, object?[] values)
    {
        for (var i = 0; i < features.Count; i++)
        {
            slots[features[i].SchemaIndex].Set(values[i]);
        }

        position++;
    }

    public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)position, 0);

    public override bool IsColumnActive(DataViewSchema.Column column) => true;

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
        slots[column.Index].Getter as ValueGetter<TValue>
        ?? throw new InvalidOperationException($"Column '{column.Name}' is {column.Type}, not {typeof(TValue).Name}.");
}
