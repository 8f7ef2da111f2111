using System.Reflection;
using Microsoft.ML;

namespace Pipeline.Ml.Evaluation;

/// <summary>Reads every row's value of one scalar column into a typed array (<c>T[]</c> for the column's raw type).</summary>
internal static class ColumnValues
{
    private static readonly MethodInfo ReadTyped = typeof(ColumnValues).GetMethod(nameof(ReadAs), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The column's values in row order; text values are private copies.</summary>
    public static Array Read(IDataView view, DataViewSchema.Column column) =>
        (Array)ReadTyped.MakeGenericMethod(column.Type.RawType).Invoke(null, [view, column])!;

    private static T[] ReadAs<T>(IDataView view, DataViewSchema.Column column)
    {
        var list = new List<T>();
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        while (cursor.MoveNext())
        {
            getter(ref value);
            // NOTE: text values may point into a loader buffer that is reused; keep a private copy.
            list.Add(value is ReadOnlyMemory<char> text ? (T)(object)text.ToString().AsMemory() : value);
        }

        return [.. list];
    }
}
