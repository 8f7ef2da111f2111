using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Pipeline.Ml.Evaluation;

/// <summary>Reads a scalar column as invariant text per row (<c>(missing)</c> for empty text or NaN), for slicing.</summary>
internal static class ColumnText
{
    /// <summary>The missing-value marker.</summary>
    public const string Missing = "(missing)";

    /// <summary>Reads every row's value of <paramref name="name"/>; fails naming the column when absent or a vector.</summary>
    public static string[] Read(IDataView view, string name)
    {
        var column = view.Schema.GetColumnOrNull(name)
            ?? throw new InvalidOperationException($"The slice column '{name}' (params.yaml evaluate.slice_column) is not in the holdout. Columns: {string.Join(", ", view.Schema.Select(c => c.Name))}.");
        if (column.Type is VectorDataViewType)
        {
            throw new InvalidOperationException($"The slice column '{name}' is a vector; choose a scalar categorical column.");
        }

        return ColumnValues.Read(view, column).Cast<object?>().Select(Text).ToArray();
    }

    private static string Text(object? value)
    {
        var text = value switch
        {
            ReadOnlyMemory<char> m => m.ToString(),
            float f when float.IsNaN(f) => "",
            double d when double.IsNaN(d) => "",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value?.ToString() ?? "",
        };
        return text.Length == 0 ? Missing : text;
    }
}
