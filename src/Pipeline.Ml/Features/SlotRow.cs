namespace Pipeline.Ml.Features;

/// <summary>One synthetic row of per-slot values (see <see cref="SlotConstants"/>); its column name and size are set per use.</summary>
internal sealed class SlotRow<T>
{
    /// <summary>The slot values.</summary>
    public T[] Values { get; set; } = [];
}
