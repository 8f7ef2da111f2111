using System.Text.Json;

namespace Pipeline.Monitoring.Tests.Statistics;

/// <summary>Loads the SciPy reference vectors copied next to the test assembly.</summary>
internal static class Vectors
{
    /// <summary>The parsed vector file (e.g. "ks_2samp.json").</summary>
    public static JsonElement Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Vectors", fileName);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    /// <summary>The case names of one list in a vector file.</summary>
    public static string[] Names(string fileName, string listName = "cases") =>
        Load(fileName).GetProperty(listName).EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray();

    /// <summary>The case names of one list in a vector file, as xunit member data.</summary>
    public static TheoryData<string> CaseNames(string fileName, string listName = "cases")
    {
        var data = new TheoryData<string>();
        foreach (var name in Names(fileName, listName))
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>The case with the given name.</summary>
    public static JsonElement Case(string fileName, string name, string listName = "cases") =>
        Load(fileName).GetProperty(listName).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>A JSON array of numbers, or null for JSON null / a missing property.</summary>
    public static double[]? Numbers(JsonElement parent, string property) =>
        parent.TryGetProperty(property, out var e) && e.ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().Select(x => x.GetDouble()).ToArray()
            : null;

    /// <summary>Asserts |actual - expected| &lt;= 1e-9 |expected| (or exact equality for 0).</summary>
    public static void AssertRelative(double expected, double actual, double tolerance = 1e-9, string? what = null)
    {
        var error = Math.Abs(actual - expected);
        Assert.True(
            error <= tolerance * Math.Abs(expected),
            $"{what}: expected {expected:R}, got {actual:R} (relative error {error / Math.Abs(expected):E2})");
    }
}
