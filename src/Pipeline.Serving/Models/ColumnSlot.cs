using Microsoft.ML;

namespace Pipeline.Serving.Models;

/// <summary>The current value of one input column of a <see cref="RequestRow"/>, typed by the column's raw type.</summary>
internal abstract class ColumnSlot
{
    /// <summary>Sets the value (null restores the column's missing value).</summary>
    public abstract void Set(object? value);

    /// <summary>A getter over this slot; the caller asks for the column's raw type.</summary>
    public abstract Delegate Getter { get; }

    /// <summary>A slot for a column of raw type <paramref name="rawType"/>.</summary>
    public static ColumnSlot For(Type rawType) =>
        (ColumnSlot)Activator.CreateInstance(typeof(ColumnSlot<>).MakeGenericType(rawType))!;
}

/// <summary>A typed slot; missing is NaN for floating point, default otherwise (empty text, false, 0).</summary>
internal sealed class ColumnSlot<T> : ColumnSlot
{
    private static readonly T MissingValue = typeof(T) == typeof(float) ? (T)(object)float.NaN
        : typeof(T) == typeof(double) ? (T)(object)double.NaN : default!;

    private T value = MissingValue;

    public ColumnSlot() => Getter = new ValueGetter<T>((ref T v) => v = value);

    public override Delegate Getter { get; }

    public override void Set(object? newValue) => value = newValue is null ? MissingValue : (T)newValue;
}
