using Parquet;
using Parquet.Schema;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Ingest;

/// <summary>Reads one Parquet column chunk as snapshot text, dispatching on the field's CLR type.</summary>
internal static class ParquetColumn
{
    /// <summary>The values of <paramref name="field"/> in <paramref name="group"/>, formatted (null = missing).</summary>
    public static string?[] ReadText(ParquetRowGroupReader group, DataField field, CancellationToken ct)
    {
        var count = checked((int)group.RowCount);
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var text = new string?[count];
            group.ReadAsync(field, text.AsMemory(), null, ct).AsTask().GetAwaiter().GetResult();
            return text.Select(v => SnapshotValue.Format(v)).ToArray();
        }
        if (type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>))
        {
            var bytes = new byte[]?[count];
            group.ReadAsync(field, bytes.AsMemory(), null, ct).AsTask().GetAwaiter().GetResult();
            return bytes.Select(v => SnapshotValue.Format(v)).ToArray();
        }
        return type switch
        {
            _ when type == typeof(bool) => Read<bool>(group, field, count, ct),
            _ when type == typeof(sbyte) => Read<sbyte>(group, field, count, ct),
            _ when type == typeof(byte) => Read<byte>(group, field, count, ct),
            _ when type == typeof(short) => Read<short>(group, field, count, ct),
            _ when type == typeof(ushort) => Read<ushort>(group, field, count, ct),
            _ when type == typeof(int) => Read<int>(group, field, count, ct),
            _ when type == typeof(uint) => Read<uint>(group, field, count, ct),
            _ when type == typeof(long) => Read<long>(group, field, count, ct),
            _ when type == typeof(ulong) => Read<ulong>(group, field, count, ct),
            _ when type == typeof(float) => Read<float>(group, field, count, ct),
            _ when type == typeof(double) => Read<double>(group, field, count, ct),
            _ when type == typeof(decimal) => Read<decimal>(group, field, count, ct),
            _ when type == typeof(DateTime) => Read<DateTime>(group, field, count, ct),
            _ when type == typeof(DateOnly) => Read<DateOnly>(group, field, count, ct),
            _ when type == typeof(TimeSpan) => Read<TimeSpan>(group, field, count, ct),
            _ when type == typeof(TimeOnly) => Read<TimeOnly>(group, field, count, ct),
            _ when type == typeof(Guid) => Read<Guid>(group, field, count, ct),
            _ => throw new NotSupportedException($"Parquet column '{field.Name}' has type {type.Name}, which ingest does not read."),
        };
    }

    private static string?[] Read<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken ct)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[count];
            group.ReadAsync<T>(field, nullable.AsMemory(), null, ct).AsTask().GetAwaiter().GetResult();
            return nullable.Select(v => v.HasValue ? SnapshotValue.Format(v.Value) : null).ToArray();
        }
        var values = new T[count];
        group.ReadAsync<T>(field, values.AsMemory(), null, ct).AsTask().GetAwaiter().GetResult();
        return values.Select(v => SnapshotValue.Format(v)).ToArray();
    }
}
