namespace Pipeline.Git.Remotes;

/// <summary>One section of a DVC config file (<c>[core]</c>, <c>['remote "name"']</c>): keys in file order, lowercased.</summary>
internal sealed class ConfigSection(string name)
{
    private readonly List<KeyValuePair<string, string>> _entries = [];

    /// <summary>The section name as DVC spells it, e.g. <c>core</c> or <c>remote "storage"</c>.</summary>
    public string Name => name;

    /// <summary>True for a named section such as <c>remote "x"</c>, which configobj writes after the plain ones.</summary>
    public bool IsNamed => name.Contains('"', StringComparison.Ordinal);

    /// <summary>The entries in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries => _entries;

    /// <summary>The value of <paramref name="key"/> (case-insensitive), or null.</summary>
    public string? Get(string key)
    {
        var i = IndexOf(key);
        return i < 0 ? null : _entries[i].Value;
    }

    /// <summary>Sets a key in place, or appends it.</summary>
    public void Set(string key, string value)
    {
        var entry = new KeyValuePair<string, string>(key.ToLowerInvariant(), value);
        var i = IndexOf(key);
        if (i < 0) _entries.Add(entry);
        else _entries[i] = entry;
    }

    /// <summary>Removes a key; false when it was not there.</summary>
    public bool Remove(string key)
    {
        var i = IndexOf(key);
        if (i < 0) return false;
        _entries.RemoveAt(i);
        return true;
    }

    private int IndexOf(string key) => _entries.FindIndex(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));
}
