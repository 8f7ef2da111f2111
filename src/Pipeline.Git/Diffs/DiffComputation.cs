using Pipeline.Engine.Serialization;

namespace Pipeline.Git.Diffs;

/// <summary>DVC's <c>dvc.utils.diff.diff</c>: for every file and key in the union, old/new and the numeric change; unchanged rows only with <c>all</c>.</summary>
internal static class DiffComputation
{
    /// <summary>The rows sorted by path then key (code-point order).</summary>
    public static List<DiffRow> Rows(
        Dictionary<string, SortedDictionary<string, object?>> old,
        Dictionary<string, SortedDictionary<string, object?>> @new,
        bool all)
    {
        var rows = new List<DiffRow>();
        var paths = old.Keys.Union(@new.Keys).Order(CodePointComparer.Instance);
        foreach (var path in paths)
        {
            var a = old.GetValueOrDefault(path) ?? [];
            var b = @new.GetValueOrDefault(path) ?? [];
            foreach (var key in a.Keys.Union(b.Keys).Order(CodePointComparer.Instance))
            {
                var o = a.GetValueOrDefault(key);
                var n = b.GetValueOrDefault(key);
                if (!all && DiffValues.PythonEquals(o, n)) continue;
                rows.Add(new DiffRow(path, key, o, n, DiffValues.Subtract(n, o)));
            }
        }
        return rows;
    }
}
