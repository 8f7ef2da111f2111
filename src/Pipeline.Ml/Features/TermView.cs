using Microsoft.ML;
using Microsoft.ML.Data;

namespace Pipeline.Ml.Features;

/// <summary>
/// A synthetic data view with one text column per collected categorical column whose row r holds that column's r-th
/// term (empty once its terms run out): fitting one-hot encoding on it builds, column by column, the term maps a fit on
/// the train rows would, in the same order of first occurrence, without reading them.
/// </summary>
internal sealed class TermView : IDataView
{
    private readonly IReadOnlyList<IReadOnlyList<string>> terms;
    private readonly long rows;

    /// <summary>A view of <paramref name="terms"/>[i] in column <paramref name="columns"/>[i].</summary>
    public TermView(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> terms)
    {
        this.terms = terms;
        rows = terms.Count == 0 ? 0 : terms.Max(t => t.Count);
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns) builder.AddColumn(column, TextDataViewType.Instance);
        Schema = builder.ToSchema();
    }

    /// <inheritdoc/>
    public bool CanShuffle => false;

    /// <inheritdoc/>
    public DataViewSchema Schema { get; }

    /// <inheritdoc/>
    public long? GetRowCount() => rows;

    /// <inheritdoc/>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    /// <inheritdoc/>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private sealed class Cursor(TermView view) : DataViewRowCursor
    {
        private long position = -1;

        public override long Position => position;

        public override long Batch => 0;

        public override DataViewSchema Schema => view.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override bool MoveNext() => ++position < view.rows;

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var terms = view.terms[column.Index];
            ValueGetter<ReadOnlyMemory<char>> getter = (ref ReadOnlyMemory<char> value) =>
                value = position < terms.Count ? terms[(int)position].AsMemory() : ReadOnlyMemory<char>.Empty;
            return getter as ValueGetter<TValue> ?? throw new InvalidOperationException($"Column '{column.Name}' holds text, not {typeof(TValue).Name}.");
        }
    }
}
