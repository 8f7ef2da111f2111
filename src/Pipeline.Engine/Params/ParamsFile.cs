using Pipeline.Engine.Serialization;

namespace Pipeline.Engine.Params;

/// <summary>params.yaml: read values by section or dotted key; apply <c>--set key=value</c> edits keeping comments and layout.</summary>
internal sealed class ParamsFile
{
    /// <summary>Loads the file (absent = empty); malformed YAML throws UsageException naming the file and line.</summary>
    public static ParamsFile Load(string path) => throw new NotImplementedException("STUB: helper B");

    public OrderedMap Root => throw new NotImplementedException();

    /// <summary>The value at a dotted key path (<c>train</c> or <c>train.lr</c>); false when absent.</summary>
    public bool TryGet(string dottedKey, out object? value) => throw new NotImplementedException();

    /// <summary>Returns new text with <paramref name="dottedKey"/> set to the YAML scalar <paramref name="value"/>, keeping every other line.</summary>
    public static string ApplySet(string text, string dottedKey, string value) => throw new NotImplementedException();
}
