using System.Numerics;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// The dense loops of per-user scoring, over SIMD lanes (<see cref="Vector{T}"/>). Each lane does, per element, the same
/// multiply and add in the same order as the scalar loop it replaces (no fused multiply-add), so scores are
/// bit-identical to the scalar ones and rankings do not move.
/// </summary>
internal static class ScoreVectors
{
    /// <summary><paramref name="y"/>[i] += <paramref name="a"/> × <paramref name="x"/>[i].</summary>
    public static void MultiplyAdd(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var va = new Vector<double>(a);
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var vy = new Vector<double>(y[i..]);
                (vy + (va * new Vector<double>(x[i..]))).CopyTo(y[i..]);
            }
        }

        for (; i < x.Length; i++) y[i] += a * x[i];
    }

    /// <summary><paramref name="y"/>[i] += <paramref name="x"/>[i].</summary>
    public static void Add(ReadOnlySpan<double> x, Span<double> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                (new Vector<double>(y[i..]) + new Vector<double>(x[i..])).CopyTo(y[i..]);
            }
        }

        for (; i < x.Length; i++) y[i] += x[i];
    }

    /// <summary>An items × factors row-major matrix as factors × items (one contiguous row per factor).</summary>
    public static double[] ByFactor(double[] itemMajor, int factors)
    {
        var n = factors == 0 ? 0 : itemMajor.Length / factors;
        var result = new double[itemMajor.Length];
        for (var i = 0; i < n; i++)
        {
            for (var a = 0; a < factors; a++) result[(a * n) + i] = itemMajor[(i * factors) + a];
        }

        return result;
    }
}
