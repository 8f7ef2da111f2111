using Microsoft.ML;
using Microsoft.ML.Data;

namespace Pipeline.Ml.Evaluation;

/// <summary>
/// A data view equal to its source except that one column's values are permuted across rows (seeded), for
/// permutation feature importance on raw columns through the whole model.
/// </summary>
internal sealed class PermutedColumnView : IDataView
{
    private readonly IDataView source;
    private readonly int column;
    private readonly Array values;
    private readonly int[] permutation;

    /// <summary>Reads the column's values once and draws the permutation from <paramref name="seed"/>.</summary>
    public PermutedColumnView(IDataView source, DataViewSchema.Column column, int seed)
    {
        this.source = source;
        this.column = column.Index;
        values = ColumnValues.Read(source, column);
        permutation = Enumerable.Range(0, values.Length).ToArray();
        new Random(seed).Shuffle(permutation);
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema => source.Schema;

    public long? GetRowCount() => values.Length;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, source.GetRowCursor(columnsNeeded));

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    /// <summary>Delegates to the source cursor, serving the permuted column from the materialised values.</summary>
    private sealed class Cursor(PermutedColumnView view, DataViewRowCursor inner) : DataViewRowCursor
    {
        public override DataViewSchema Schema => inner.Schema;

        public override long Position => inner.Position;

        public override long Batch => inner.Batch;

        public override bool IsColumnActive(DataViewSchema.Column column) => inner.IsColumnActive(column);

        public override ValueGetter<DataViewRowId> GetIdGetter() => inner.GetIdGetter();

        public override bool MoveNext() => inner.MoveNext();

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index != view.column)
            {
                return inner.GetGetter<TValue>(column);
            }

            var values = (TValue[])view.values;
            return (ref TValue value) => value = values[view.permutation[inner.Position]];
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
