namespace Pipeline.Ml.Features;

/// <summary>One label class, the row type of the key data that fixes multiclass key order.</summary>
internal sealed class LabelClassRow
{
    /// <summary>The class value as it appears in the data.</summary>
    public string Value { get; set; } = "";
}
