using Pipeline.Formats.Columns;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Validation;

/// <summary>
/// Streaming tallies of one column during schema inference: the <see cref="ColumnKindInference"/> evidence that decides
/// its kind and numeric range, plus what only a schema needs (missing count, value counts for the domain).
/// </summary>
internal sealed class ColumnObservation(string name, int maxDistinct)
{
    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);
    private readonly ColumnSample sample = new(name);

    /// <summary>The column name.</summary>
    public string Name { get; } = name;

    /// <summary>Missing (empty) fields.</summary>
    public long Nulls { get; private set; }

    /// <summary>Present fields.</summary>
    public long Values { get; private set; }

    /// <summary>True when more distinct values were seen than the domain can hold.</summary>
    public bool DomainOverflow { get; private set; }

    /// <summary>Distinct values and their counts (complete unless <see cref="DomainOverflow"/>).</summary>
    public IReadOnlyDictionary<string, long> Counts => counts;

    /// <summary>The observed [min, max] when every present value is a number; else null.</summary>
    public (double Min, double Max)? NumericRange =>
        sample.AllNumeric && sample.Min is { } min && sample.Max is { } max ? (min, max) : null;

    /// <summary>Adds one field (null = missing).</summary>
    public void Add(string? value)
    {
        sample.Add(value);
        if (value is null) { Nulls++; return; }
        Values++;
        if (DomainOverflow) return;
        if (counts.TryGetValue(value, out var seen)) counts[value] = seen + 1;
        else if (counts.Count < maxDistinct) counts[value] = 1;
        else DomainOverflow = true;
    }

    /// <summary>The kind by <see cref="ColumnKindInference"/>'s rules, with its mean-length text threshold replaced.</summary>
    public ColumnKind Kind(int textMinLength) => ColumnKindInference.KindOf(sample, textMinLength);

    /// <summary>The observed domain sorted ordinal, or null when it overflowed.</summary>
    public IReadOnlyList<string>? Domain(int max) =>
        DomainOverflow || counts.Count > max ? null : [.. counts.Keys.Order(StringComparer.Ordinal)];
}
