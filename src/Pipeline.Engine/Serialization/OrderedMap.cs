namespace Pipeline.Engine.Serialization;

/// <summary>
/// A string-keyed mapping that keeps insertion order: the tree model shared by the YAML emitter,
/// the YAML reader and the Python-compatible JSON writer. Values are <c>null</c>, <see cref="bool"/>,
/// <see cref="long"/>, <see cref="double"/>, <see cref="string"/>, <see cref="List{T}"/> of values, or <see cref="OrderedMap"/>.
/// </summary>
public sealed class OrderedMap : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _items = [];

    public int Count => _items.Count;

    public IEnumerable<string> Keys => _items.Select(i => i.Key);

    /// <summary>Gets a value, or on set replaces it in place (a new key is appended at the end).</summary>
    public object? this[string key]
    {
        get => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"Key '{key}' not found.");
        set
        {
            var i = IndexOf(key);
            if (i >= 0) _items[i] = new(key, value);
            else _items.Add(new(key, value));
        }
    }

    /// <summary>Appends a key (collection-initializer friendly); throws when it already exists.</summary>
    public void Add(string key, object? value)
    {
        if (IndexOf(key) >= 0) throw new ArgumentException($"Duplicate key '{key}'.", nameof(key));
        _items.Add(new(key, value));
    }

    /// <summary>Inserts a new key at <paramref name="index"/>; throws when it already exists.</summary>
    public void Insert(int index, string key, object? value)
    {
        if (IndexOf(key) >= 0) throw new ArgumentException($"Duplicate key '{key}'.", nameof(key));
        _items.Insert(index, new(key, value));
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out object? value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _items[i].Value : null;
        return i >= 0;
    }

    public bool Remove(string key)
    {
        var i = IndexOf(key);
        if (i >= 0) _items.RemoveAt(i);
        return i >= 0;
    }

    private int IndexOf(string key) => _items.FindIndex(i => i.Key == key);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
