using Pipeline.Formats.Columns;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Validation;

/// <summary>
/// The first half of the exact duplicate-key check: 64-bit FNV-1a hashes of every key value (8 bytes a row instead
/// of the key strings), reduced to the hashes seen more than once. Only keys with such a hash can be duplicates, so
/// <see cref="RowChecker"/> keeps the strings of those few keys alone and confirms every hit by string equality:
/// a hash collision never reports a false duplicate.
/// </summary>
internal sealed class KeyHashes
{
    private List<ulong> hashes = [];

    /// <summary>Records one key value (missing values are not keys).</summary>
    public void Add(string? key)
    {
        if (key is not null) hashes.Add(Hash(key));
    }

    /// <summary>The hashes recorded more than once; the recorded list is released.</summary>
    public HashSet<ulong> Repeated()
    {
        var sorted = hashes;
        hashes = [];
        sorted.Sort();
        var repeated = new HashSet<ulong>();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i] == sorted[i - 1]) repeated.Add(sorted[i]);
        }
        return repeated;
    }

    /// <summary>Reads the <paramref name="key"/> column of <paramref name="csvPath"/> and returns its repeated hashes.</summary>
    public static HashSet<ulong> Scan(string csvPath, string key)
    {
        var keys = new KeyHashes();
        using var reader = new CsvSnapshotReader(csvPath);
        var index = reader.Header.ToList().IndexOf(key);
        if (index < 0) return [];
        // NOTE: raw rows, like the check pass, so a malformed row does not fail the scan (a superset of candidates is harmless).
        while (reader.ReadRawRow() is { } fields)
        {
            if (index < fields.Length) keys.Add(fields[index]);
        }
        return keys.Repeated();
    }

    /// <summary>The hash a key value is recorded under (<see cref="ValueHash.Of"/>).</summary>
    public static ulong Hash(string value) => ValueHash.Of(value);
}
