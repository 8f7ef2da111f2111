using Pipeline.Ml.Data;

namespace Pipeline.Ml.Validation;

/// <summary>Streaming tallies of one column during schema inference.</summary>
internal sealed class ColumnObservation(string name, int maxDistinct)
{
    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);

    public string Name { get; } = name;
    public long Nulls { get; private set; }
    public long Values { get; private set; }
    public bool AllNumeric { get; private set; } = true;
    public bool AllBoolean { get; private set; } = true;
    public bool AllDate { get; private set; } = true;
    public bool DomainOverflow { get; private set; }
    public double Min { get; private set; } = double.PositiveInfinity;
    public double Max { get; private set; } = double.NegativeInfinity;
    public long TotalLength { get; private set; }
    public long WithSpaces { get; private set; }

    /// <summary>Distinct values and their counts (complete unless <see cref="DomainOverflow"/>).</summary>
    public IReadOnlyDictionary<string, long> Counts => counts;

    /// <summary>Adds one field (null = missing).</summary>
    public void Add(string? value)
    {
        if (value is null) { Nulls++; return; }
        Values++;
        TotalLength += value.Length;
        if (value.Contains(' ', StringComparison.Ordinal)) WithSpaces++;
        if (AllNumeric && ValueParsing.TryNumber(value, out var number))
        {
            Min = Math.Min(Min, number);
            Max = Math.Max(Max, number);
        }
        else AllNumeric = false;
        AllBoolean = AllBoolean && ValueParsing.IsBoolean(value);
        AllDate = AllDate && ValueParsing.IsDate(value);
        if (DomainOverflow) return;
        if (counts.TryGetValue(value, out var seen)) counts[value] = seen + 1;
        else if (counts.Count < maxDistinct) counts[value] = 1;
        else DomainOverflow = true;
    }

    /// <summary>The inferred kind given the text threshold.</summary>
    public ColumnKind Kind(int textMinLength)
    {
        if (Values == 0) return ColumnKind.Categorical;
        if (AllBoolean) return ColumnKind.Boolean;
        if (AllNumeric) return ColumnKind.Numeric;
        if (AllDate) return ColumnKind.Date;
        var mostlySpaced = WithSpaces * 2 >= Values;
        return mostlySpaced && TotalLength >= (long)textMinLength * Values ? ColumnKind.Text : ColumnKind.Categorical;
    }

    /// <summary>The observed domain sorted ordinal, or null when it overflowed.</summary>
    public IReadOnlyList<string>? Domain(int max) =>
        DomainOverflow || counts.Count > max ? null : [.. counts.Keys.Order(StringComparer.Ordinal)];
}
