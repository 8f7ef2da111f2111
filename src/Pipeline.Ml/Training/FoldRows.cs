using Microsoft.ML;
using Microsoft.ML.Data;

namespace Pipeline.Ml.Training;

/// <summary>
/// The rows of a view that one fold keeps (its validation rows, or every other fold's rows for training), chosen by
/// each row's position in the source's file order: the view of a <see cref="StratifiedFolds"/> assignment. Its
/// cursors read the source in order (a cursor asked to shuffle is not: <see cref="CanShuffle"/> is false, so ML.NET
/// shuffles through its own pool), so positions always name the rows they were assigned to.
/// </summary>
internal sealed class FoldRows : IDataView
{
    private readonly IDataView source;
    private readonly int[] folds;
    private readonly int fold;
    private readonly bool validation;
    private readonly long count;

    public FoldRows(IDataView source, int[] folds, int fold, bool validation)
    {
        this.source = source;
        this.folds = folds;
        this.fold = fold;
        this.validation = validation;
        count = folds.LongCount(Keeps);
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema => source.Schema;

    public long? GetRowCount() => count;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(source.GetRowCursor(columnsNeeded), this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded)];

    private bool Keeps(int rowFold) => (rowFold == fold) == validation;

    private sealed class Cursor(DataViewRowCursor input, FoldRows rows) : DataViewRowCursor
    {
        private long position = -1;
        private long inputRow = -1;

        public override DataViewSchema Schema => input.Schema;

        public override long Position => position;

        public override long Batch => 0;

        public override ValueGetter<DataViewRowId> GetIdGetter() => input.GetIdGetter();

        public override bool IsColumnActive(DataViewSchema.Column column) => input.IsColumnActive(column);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => input.GetGetter<TValue>(column);

        public override bool MoveNext()
        {
            while (input.MoveNext())
            {
                if (rows.Keeps(rows.folds[++inputRow]))
                {
                    position++;
                    return true;
                }
            }

            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) input.Dispose();
            base.Dispose(disposing);
        }
    }
}
