using System.Text.Json;

namespace Pipeline.Serving.Models;

/// <summary>
/// Builds validated request rows (values in feature order) from named JSON objects or from one column of values at a
/// time; every feature must be given exactly once and no unknown names are accepted.
/// </summary>
internal sealed class FeatureRows
{
    private readonly FeatureSchema schema;
    private readonly object?[][] rows;
    private readonly bool[] given;

    public FeatureRows(FeatureSchema schema, int count)
    {
        this.schema = schema;
        rows = new object?[count][];
        for (var i = 0; i < count; i++)
        {
            rows[i] = new object?[schema.Columns.Count];
        }

        given = new bool[schema.Columns.Count];
    }

    /// <summary>Parses <c>[{"amount": 12.5, ...}, ...]</c>; <paramref name="where"/> prefixes field names in messages.</summary>
    public static object?[][] FromObjects(FeatureSchema schema, IReadOnlyList<JsonElement> objects, string where)
    {
        var result = new object?[objects.Count][];
        for (var r = 0; r < objects.Count; r++)
        {
            var rowName = $"{where}[{r}]";
            if (objects[r].ValueKind != JsonValueKind.Object)
            {
                throw RequestRejectedException.Invalid($"{rowName}: expected an object of named features ({schema.Names}).");
            }

            var row = new object?[schema.Columns.Count];
            var seen = new bool[schema.Columns.Count];
            foreach (var property in objects[r].EnumerateObject())
            {
                var name = JsonText.Name(property, rowName);
                var column = Column(schema, name, rowName);
                var index = column.Ordinal;
                row[index] = FeatureValue.FromJson(column, property.Value, $"{rowName}.{name}");
                seen[index] = true;
            }

            RequireAll(schema, seen, rowName);
            result[r] = row;
        }

        return result;
    }

    /// <summary>The feature named <paramref name="name"/>, or a rejection listing the known features.</summary>
    public static FeatureColumn Column(FeatureSchema schema, string name, string where) =>
        schema.Find(name) ?? throw RequestRejectedException.Invalid($"{where}: unknown feature '{name}'; the model reads: {schema.Names}.");

    /// <summary>Marks <paramref name="column"/> as given, refusing a second tensor for the same feature.</summary>
    public void Begin(FeatureColumn column, string where)
    {
        var index = column.Ordinal;
        if (given[index])
        {
            throw RequestRejectedException.Invalid($"{where}: feature '{column.Name}' is given twice.");
        }

        given[index] = true;
    }

    /// <summary>Sets row <paramref name="row"/>'s value of <paramref name="column"/>.</summary>
    public void Set(FeatureColumn column, int row, object? value) => rows[row][column.Ordinal] = value;

    /// <summary>The rows, after checking every feature was given.</summary>
    public object?[][] Complete(string where)
    {
        RequireAll(schema, given, where);
        return rows;
    }

    private static void RequireAll(FeatureSchema schema, bool[] seen, string where)
    {
        var missing = schema.Columns.Where((_, i) => !seen[i]).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            throw RequestRejectedException.Invalid($"{where}: missing feature{(missing.Count > 1 ? "s" : "")} '{string.Join("', '", missing)}' (send null for a missing value where allowed).");
        }
    }
}
