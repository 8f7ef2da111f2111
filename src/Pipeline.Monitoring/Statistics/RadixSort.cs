namespace Pipeline.Monitoring.Statistics;

/// <summary>
/// Ascending sort of doubles by LSD radix over order-preserving 64-bit keys (4 passes of 16 bits, constant
/// digits skipped). Same order as <see cref="Array.Sort(Array)"/> for NaN-free input; several times faster on millions of values.
/// </summary>
internal static class RadixSort
{
    private const int SmallSize = 4096;
    private const int DigitBits = 16;
    private const int Buckets = 1 << DigitBits;

    /// <summary>Sorts <paramref name="values"/> in place (falls back to Array.Sort for small or NaN-holding input).</summary>
    public static void Sort(double[] values)
    {
        var n = values.Length;
        if (n < SmallSize)
        {
            Array.Sort(values);
            return;
        }

        var keys = new ulong[n];
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(values[i]))
            {
                Array.Sort(values);
                return;
            }

            // NOTE: -0.0 is folded into +0.0 so equal values stay equal keys, as Array.Sort treats them.
            var bits = (ulong)BitConverter.DoubleToInt64Bits(values[i] == 0 ? 0.0 : values[i]);
            keys[i] = (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
        }

        var buffer = new ulong[n];
        var counts = new int[Buckets];
        for (var shift = 0; shift < 64; shift += DigitBits)
        {
            Array.Clear(counts);
            foreach (var k in keys) counts[(int)((k >> shift) & (Buckets - 1))]++;
            if (counts[(int)((keys[0] >> shift) & (Buckets - 1))] == n) continue;
            var offset = 0;
            for (var b = 0; b < Buckets; b++) (counts[b], offset) = (offset, offset + counts[b]);
            foreach (var k in keys) buffer[counts[(int)((k >> shift) & (Buckets - 1))]++] = k;
            (keys, buffer) = (buffer, keys);
        }

        for (var i = 0; i < n; i++)
        {
            var k = keys[i];
            values[i] = BitConverter.Int64BitsToDouble((long)((k & 0x8000_0000_0000_0000UL) != 0 ? k & 0x7FFF_FFFF_FFFF_FFFFUL : ~k));
        }
    }
}
