using System.Collections;
using System.Globalization;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Serialization;
using YamlDotNet.Core;

namespace Pipeline.Engine.Params;

/// <summary>params.yaml: read values by section or dotted key; apply <c>--set key=value</c> edits keeping comments and layout.</summary>
internal sealed class ParamsFile
{
    private ParamsFile(OrderedMap root) => Root = root;

    /// <summary>Loads the file (absent = empty); malformed YAML throws UsageException naming the file and line.</summary>
    public static ParamsFile Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path) : new ParamsFile([]);

    /// <summary>Parses params text; <paramref name="fileName"/> only names the file in errors.</summary>
    public static ParamsFile Parse(string text, string fileName = "params.yaml")
    {
        object? root;
        try
        {
            root = DvcYaml.Parse(text);
        }
        catch (YamlException e)
        {
            throw new UsageException($"'{fileName}' line {e.Start.Line}: invalid YAML ({e.Message}). Fix the file and run again.");
        }
        return root switch
        {
            null => new ParamsFile([]),
            OrderedMap map => new ParamsFile(map),
            _ => throw new UsageException($"'{fileName}' must hold a mapping of parameters at the top level (e.g. 'train:\\n  lr: 0.1')."),
        };
    }

    /// <summary>The whole file as a value tree.</summary>
    public OrderedMap Root { get; }

    /// <summary>The value at a dotted key path (<c>train</c> or <c>train.lr</c>); false when absent. List items are addressed by index (<c>layers.0</c>), as DVC's dpath does.</summary>
    public bool TryGet(string dottedKey, out object? value)
    {
        value = Root;
        foreach (var part in dottedKey.Split('.'))
        {
            switch (value)
            {
                case OrderedMap map when map.TryGetValue(part, out var next):
                    value = next;
                    break;
                case IList list when int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < list.Count:
                    value = list[i];
                    break;
                default:
                    value = null;
                    return false;
            }
        }
        return true;
    }

    /// <summary>Returns new text with <paramref name="dottedKey"/> set to the YAML scalar <paramref name="value"/>, keeping every other line.</summary>
    /// <exception cref="UsageException">The key holds a mapping or list, a parent is not a mapping, or the value is not a scalar.</exception>
    public static string ApplySet(string text, string dottedKey, string value) => ParamsEditor.ApplySet(text, dottedKey, value);

    /// <summary>Splits a command-line <c>key=value</c> pair at the first '='.</summary>
    /// <exception cref="UsageException">No '=' or an empty key.</exception>
    public static (string Key, string Value) ParseAssignment(string pair)
    {
        var eq = pair.IndexOf('=');
        if (eq < 0)
            throw new UsageException($"Parameter override '{pair}' has no '='. Write it as key=value, e.g. --set train.lr=0.05.");
        var key = pair[..eq].Trim();
        if (key.Length == 0 || key.Split('.').Any(p => p.Length == 0))
            throw new UsageException($"Parameter override '{pair}' has an invalid key. Write it as key=value with a dotted key, e.g. --set train.lr=0.05.");
        return (key, pair[(eq + 1)..]);
    }
}
