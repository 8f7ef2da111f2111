namespace Pipeline.Ml.Recommendation;

/// <summary>The k best entries of a score vector, best first, ties by index; NaN entries are left out.</summary>
internal static class TopK
{
    public static List<(int Item, double Score)> Select(ReadOnlySpan<double> scores, int k)
    {
        // NOTE: a min-heap of the k best so far, its worst at the root. Once full, an entry that cannot displace the root
        // (a lower score, or an equal one: it comes later in index order) costs one comparison; NaN never compares
        // greater, so it never enters once the heap is full and is tested for only while filling it.
        if (k <= 0 || scores.IsEmpty) return [];
        var items = new int[Math.Min(k, scores.Length)];
        var values = new double[items.Length];
        var count = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            if (count == items.Length)
            {
                if (!(s > values[0])) continue;
                items[0] = i;
                values[0] = s;
                Down(items, values, count, 0);
            }
            else if (!double.IsNaN(s))
            {
                items[count] = i;
                values[count] = s;
                Up(items, values, count++);
            }
        }

        var top = new List<(int Item, double Score)>(count);
        while (count > 0)
        {
            top.Add((items[0], values[0]));
            count--;
            items[0] = items[count];
            values[0] = values[count];
            Down(items, values, count, 0);
        }

        top.Reverse();
        return top;
    }

    /// <summary>True when entry a ranks below entry b (lower score, or the same score later in index order).</summary>
    private static bool Worse(int[] items, double[] values, int a, int b) =>
        values[a] < values[b] || (values[a] == values[b] && items[a] > items[b]);

    private static void Up(int[] items, double[] values, int at)
    {
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (!Worse(items, values, at, parent)) return;
            Swap(items, values, at, parent);
            at = parent;
        }
    }

    private static void Down(int[] items, double[] values, int count, int at)
    {
        while (true)
        {
            var worst = at;
            var left = (2 * at) + 1;
            if (left < count && Worse(items, values, left, worst)) worst = left;
            if (left + 1 < count && Worse(items, values, left + 1, worst)) worst = left + 1;
            if (worst == at) return;
            Swap(items, values, at, worst);
            at = worst;
        }
    }

    private static void Swap(int[] items, double[] values, int a, int b)
    {
        (items[a], items[b]) = (items[b], items[a]);
        (values[a], values[b]) = (values[b], values[a]);
    }
}
