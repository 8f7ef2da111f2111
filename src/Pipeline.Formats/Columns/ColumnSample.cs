namespace Pipeline.Formats.Columns;

/// <summary>Running evidence about one column's values, fed value by value; <see cref="ColumnKindInference.KindOf"/> decides its kind.</summary>
public sealed class ColumnSample
{
    // NOTE: distinct values are counted by 64-bit hash, not kept as strings: a wide table (10,000 columns × a
    // thousand values) held ten million strings that every garbage collection had to trace and promote. Two of at most
    // a thousand values collide with probability ~3e-14, and a collision only lowers the count by one.
    private readonly HashSet<ulong> _distinct = [];
    private readonly HashSet<string> _distinctLower = new(StringComparer.Ordinal);
    private readonly int _distinctCap;
    private long _words;
    private long _characters;

    /// <summary>Tracks enough distinct values to tell Categorical from Text (<see cref="ColumnKindInference.CategoricalCap"/> + 1).</summary>
    public ColumnSample(string name)
        : this(name, ColumnKindInference.CategoricalCap + 1)
    {
    }

    /// <summary>Tracks at most <paramref name="distinctCap"/> distinct values (enough to decide the kind).</summary>
    public ColumnSample(string name, int distinctCap)
    {
        Name = name;
        _distinctCap = distinctCap;
    }

    public string Name { get; }
    public long Present { get; private set; }
    public long Missing { get; private set; }
    public bool AllBoolean { get; private set; } = true;
    public bool AllNumeric { get; private set; } = true;
    public bool AllDate { get; private set; } = true;
    public double? Min { get; private set; }
    public double? Max { get; private set; }

    /// <summary>Distinct values seen (saturates at the cap).</summary>
    public int Distinct => _distinct.Count;

    /// <summary>Distinct case-insensitive values (for the two-value Boolean rule).</summary>
    public int DistinctIgnoringCase => _distinctLower.Count;

    public double MeanWords => Present == 0 ? 0 : (double)_words / Present;
    public double MeanLength => Present == 0 ? 0 : (double)_characters / Present;

    /// <summary>Adds one field value (null = missing).</summary>
    public void Add(string? value)
    {
        if (value is null || value.AsSpan().Trim().IsEmpty) { Missing++; return; }
        Present++;
        _characters += value.Length;
        _words += CountWords(value);
        if (_distinct.Count < _distinctCap) _distinct.Add(ValueHash.Of(value));
        if (_distinctLower.Count <= 2) _distinctLower.Add(value.ToLowerInvariant());
        if (AllBoolean) AllBoolean = ColumnValue.IsTruthWord(value);
        if (AllNumeric)
        {
            AllNumeric = ColumnValue.TryNumber(value, out var number);
            if (AllNumeric) { Min = Math.Min(Min ?? number, number); Max = Math.Max(Max ?? number, number); }
        }
        if (AllDate) AllDate = ColumnValue.IsIsoDate(value);
    }

    private static int CountWords(string value)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in value)
        {
            var letter = !char.IsWhiteSpace(c);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }
}
