namespace Pipeline.Formats.Columns;

/// <summary>
/// The pipeline's one rule for the <see cref="ColumnKind"/> of a column of text fields (Validate's schema, Init's
/// inspection and Monitor's drift all use it). Rules, in order, over the non-missing values of a column:
/// <list type="number">
/// <item><b>Boolean</b>: every value is a truth word (true/false, yes/no, y/n, t/f, 1/0, any case) and there are at most
/// two distinct values ignoring case. A 0/1 column is therefore Boolean.</item>
/// <item><b>Numeric</b>: every value parses as a finite invariant-culture number (integers included).</item>
/// <item><b>Date</b>: every value is an ISO 8601 date or date-time (<c>2024-01-31</c>, <c>2024-01-31T08:00:00Z</c>, ...).</item>
/// <item><b>Text</b>: the values average at least <see cref="TextMinMeanWords"/> words or <see cref="TextMinMeanLength"/>
/// characters (free text), or there are more distinct values than the categorical limit.</item>
/// <item><b>Categorical</b>: otherwise; the limit is <c>max(20, min(5% of non-missing values, 1000))</c> distinct values,
/// so small tables keep up to 20 categories and large ones never one-hot more than 1000.</item>
/// </list>
/// A column with no value at all is Categorical (nothing says otherwise; it is all-missing). A field of only whitespace
/// counts as missing.
/// </summary>
public static class ColumnKindInference
{
    /// <summary>Mean word count from which a string column is free text.</summary>
    public const double TextMinMeanWords = 4;

    /// <summary>Mean length from which a string column is free text.</summary>
    public const double TextMinMeanLength = 40;

    /// <summary>The categorical distinct-value floor and cap.</summary>
    public const int CategoricalFloor = 20, CategoricalCap = 1000;

    /// <summary>The kind of one column of values (null or blank = missing).</summary>
    public static ColumnKind InferKind(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sample = new ColumnSample("values");
        foreach (var value in values) sample.Add(value);
        return KindOf(sample);
    }

    /// <summary>
    /// The kind the evidence in <paramref name="s"/> supports, by the rules above; <paramref name="textMinMeanLength"/>
    /// overrides <see cref="TextMinMeanLength"/> (Validate's <c>validate.text_min_length</c>).
    /// </summary>
    public static ColumnKind KindOf(ColumnSample s, double textMinMeanLength = TextMinMeanLength)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Present == 0) return ColumnKind.Categorical;
        if (s.AllBoolean && s.DistinctIgnoringCase <= 2) return ColumnKind.Boolean;
        if (s.AllNumeric) return ColumnKind.Numeric;
        if (s.AllDate) return ColumnKind.Date;
        if (s.MeanWords >= TextMinMeanWords || s.MeanLength >= textMinMeanLength) return ColumnKind.Text;
        var limit = Math.Max(CategoricalFloor, Math.Min((int)(0.05 * s.Present), CategoricalCap));
        return s.Distinct > limit ? ColumnKind.Text : ColumnKind.Categorical;
    }
}
