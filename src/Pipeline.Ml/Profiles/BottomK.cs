namespace Pipeline.Ml.Profiles;

/// <summary>
/// The <see cref="Capacity"/> items of smallest key offered, keys being distinct 64-bit hashes of row indexes: a uniform
/// sample that does not depend on the order items are offered in, so samples of row ranges merge into the sample of the
/// whole (the union's smallest keys). Offered items are buffered up to a quarter over the capacity, then cut back to it.
/// </summary>
// NOTE: Threshold only falls, and an item whose key is above it can never be among the smallest of a superset, so a
// caller may skip such items before offering them (reading Threshold from another thread, even stale, is safe).
internal sealed class BottomK<T>(int capacity)
{
    private ulong[] keys = [];
    private T[] items = [];
    private ulong threshold = ulong.MaxValue;

    /// <summary>Items kept at most once <see cref="Cut"/>.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Items buffered now (at most a quarter over <see cref="Capacity"/>).</summary>
    public int Count { get; private set; }

    /// <summary>Keys at or above this are no longer kept (<see cref="ulong.MaxValue"/> until the buffer was first cut).</summary>
    public ulong Threshold => Volatile.Read(ref threshold);

    /// <summary>Offers an item with its key.</summary>
    public void Offer(ulong key, T item)
    {
        if (key >= threshold) return;
        if (Count == keys.Length)
        {
            if (Count >= Capacity + Math.Max(16, Capacity / 4)) Cut();
            else Grow();
        }
        keys[Count] = key;
        items[Count++] = item;
    }

    /// <summary>Cuts the buffer to the <see cref="Capacity"/> smallest keys; returns the kept items (in no particular order).</summary>
    public ReadOnlySpan<T> Kept()
    {
        if (Count > Capacity) Cut();
        return items.AsSpan(0, Count);
    }

    private void Grow()
    {
        var size = Math.Min(Capacity + Math.Max(16, Capacity / 4), Math.Max(16, keys.Length * 2));
        Array.Resize(ref keys, size);
        Array.Resize(ref items, size);
    }

    // NOTE: quickselect (Hoare partition around the middle key) puts the Capacity smallest keys first; the threshold becomes
    // the smallest key cut, so every kept key is below it.
    private void Cut()
    {
        int low = 0, high = Count - 1, k = Capacity;
        while (low < high)
        {
            var pivot = keys[low + ((high - low) >> 1)];
            int i = low, j = high;
            while (i <= j)
            {
                while (keys[i] < pivot) i++;
                while (keys[j] > pivot) j--;
                if (i > j) break;
                (keys[i], keys[j]) = (keys[j], keys[i]);
                (items[i], items[j]) = (items[j], items[i]);
                i++;
                j--;
            }
            if (k <= j) high = j;
            else if (k >= i) low = i;
            else break;
        }
        var cut = ulong.MaxValue;
        for (var i = Capacity; i < Count; i++) cut = Math.Min(cut, keys[i]);
        Array.Clear(items, Capacity, Count - Capacity);
        Count = Capacity;
        Volatile.Write(ref threshold, cut);
    }

    /// <summary>A 64-bit key of row <paramref name="row"/> under <paramref name="seed"/> (SplitMix64's finaliser: distinct rows, distinct keys).</summary>
    public static ulong Key(int seed, long row)
    {
        var z = (ulong)row + (ulong)(uint)seed * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
