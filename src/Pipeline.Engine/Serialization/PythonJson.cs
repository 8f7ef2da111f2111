namespace Pipeline.Engine.Serialization;

/// <summary>Writes a value tree exactly as Python's <c>json.dumps(value, sort_keys=True)</c> does (dvc-format.md §18.3).</summary>
internal static class PythonJson
{
    public static string Dumps(object? value, bool sortKeys = true) => throw new NotImplementedException("STUB: helper A");
}
