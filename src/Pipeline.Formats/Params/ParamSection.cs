namespace Pipeline.Formats.Params;

/// <summary>
/// One params.yaml section as a stage's options read it: the flattened values with keys relative to the section
/// (<c>scaling</c> of <c>featurize</c>, <c>min.auc</c> of <c>gate</c>) and the keys the stage documents. A key the stage
/// does not document is an error naming it, the section and the closest known key; reading a key the stage did not
/// document is a programming error. So a section handed over with the wrong prefix fails loudly instead of being
/// ignored. Values are parsed by <see cref="ParamValue"/>: a bad one names the key, the value and what is accepted.
/// </summary>
public sealed class ParamSection
{
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly IReadOnlyCollection<string> _keys;
    private readonly IReadOnlyCollection<string> _groups;

    /// <summary>
    /// The section <paramref name="name"/> with <paramref name="values"/>; every key must be one of
    /// <paramref name="keys"/> or lie under one of <paramref name="groups"/> (<c>min</c> admits <c>min.auc</c>).
    /// </summary>
    public ParamSection(string name, IReadOnlyDictionary<string, string> values, IReadOnlyCollection<string> keys, IReadOnlyCollection<string>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        Name = name;
        _values = values;
        _keys = keys;
        _groups = groups ?? [];
        if (values.Keys.Order(StringComparer.Ordinal).FirstOrDefault(k => !IsKnown(k)) is { } unknown) throw Unknown(unknown);
    }

    /// <summary>The section's name (<c>featurize</c>).</summary>
    public string Name { get; }

    /// <summary>The dotted key as params.yaml spells it (<c>featurize.scaling</c>).</summary>
    public string Dotted(string key) => $"{Name}.{key}";

    /// <summary>The trimmed text of <paramref name="key"/>; null when absent or empty.</summary>
    public string? Text(string key)
    {
        if (!IsKnown(key)) throw new InvalidOperationException($"{Dotted(key)} is read but not among the documented keys of '{Name}'.");
        return _values.TryGetValue(key, out var v) && v.Trim() is { Length: > 0 } text ? text : null;
    }

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Named for the params.yaml value kind it reads, as ParamValue.Integer.")]
    public int Integer(string key, int fallback, int min = int.MinValue, int max = int.MaxValue) =>
        Text(key) is { } v ? ParamValue.Integer(Dotted(key), v, min, max) : fallback;

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/>.</summary>
    public double Number(string key, double fallback, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        OptionalNumber(key, min, max) ?? fallback;

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>], or null.</summary>
    public double? OptionalNumber(string key, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        Text(key) is { } v ? ParamValue.Number(Dotted(key), v, min, max) : null;

    /// <summary>A number strictly between 0 and 1, or <paramref name="fallback"/>.</summary>
    public double Fraction(string key, double fallback) => Text(key) is { } v ? ParamValue.Fraction(Dotted(key), v) : fallback;

    /// <summary><c>true</c> or <c>false</c>, or <paramref name="fallback"/>.</summary>
    public bool Boolean(string key, bool fallback) => Text(key) is { } v ? ParamValue.Boolean(Dotted(key), v) : fallback;

    /// <summary>A member of <typeparamref name="T"/> by name, or <paramref name="fallback"/>.</summary>
    public T Choice<T>(string key, T fallback) where T : struct, Enum => Text(key) is { } v ? ParamValue.Choice<T>(Dotted(key), v) : fallback;

    /// <summary>A list written <c>[a, b]</c> or <c>a,b</c> (empty when absent).</summary>
    public IReadOnlyList<string> List(string key) =>
        Text(key) is { } v ? v.Trim('[', ']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];

    /// <summary>The non-empty entries under <paramref name="group"/> (<c>min</c> → <c>auc</c>: "0.85"), keys relative to it.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Group(string group)
    {
        if (!_groups.Contains(group)) throw new InvalidOperationException($"{Dotted(group)} is read but not among the documented groups of '{Name}'.");
        return _values.Where(p => p.Key.StartsWith(group + ".", StringComparison.Ordinal) && p.Value.Trim().Length > 0)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key[(group.Length + 1)..], p.Value.Trim()))
            .ToList();
    }

    private bool IsKnown(string key) =>
        _keys.Contains(key) || _groups.Any(g => key.StartsWith(g + ".", StringComparison.Ordinal) && key.Length > g.Length + 1);

    private ParamException Unknown(string key)
    {
        var known = _keys.Select(Dotted).Concat(_groups.Select(g => Dotted(g) + ".*")).ToList();
        var closest = ClosestKey(key);
        var hint = closest is null ? "" : $" Did you mean '{Dotted(closest)}'?";
        return new ParamException($"Unknown parameter '{Dotted(key)}' in params.yaml.{hint} Known in '{Name}': {string.Join(", ", known)}.");
    }

    /// <summary>The documented key nearest to <paramref name="key"/> (a typo, or a key given with the section's prefix).</summary>
    private string? ClosestKey(string key) =>
        key.StartsWith(Name + ".", StringComparison.Ordinal) && IsKnown(key[(Name.Length + 1)..])
            ? key[(Name.Length + 1)..]
            : NearestName.Of(key, [.. _keys.Concat(_groups)]);

    /// <summary>
    /// Checks the top-level sections of params.yaml against those the pipeline reads: a section nobody reads
    /// (<c>featurise:</c>) is a <see cref="ParamException"/> naming it and the closest known section, instead of a
    /// whole section of settings silently ignored.
    /// </summary>
    public static void CheckSections(IEnumerable<string> sections, IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(known);
        if (sections.FirstOrDefault(s => !known.Contains(s)) is not { } unknown) return;
        var hint = NearestName.Of(unknown, known) is { } closest ? $" Did you mean '{closest}'?" : "";
        throw new ParamException($"Unknown section '{unknown}' in params.yaml.{hint} Known sections: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
    }
}
