namespace Pipeline.Engine.Primitives;

/// <summary>An md5 content hash as DVC 3 writes it: 32 lowercase hex digits, with a <c>.dir</c> suffix for directories.</summary>
public readonly record struct ContentHash
{
    private const string DirSuffix = ".dir";

    private ContentHash(string value) => Value = value;

    /// <summary>The hash as written in dvc.lock and .dvc files.</summary>
    public string Value { get; }

    /// <summary>True for a directory hash (the md5 of a <c>.dir</c> manifest).</summary>
    public bool IsDirectory => Value.EndsWith(DirSuffix, StringComparison.Ordinal);

    /// <summary>The 32 hex digits without the <c>.dir</c> suffix.</summary>
    public string Md5 => IsDirectory ? Value[..^DirSuffix.Length] : Value;

    /// <summary>Builds a file hash from raw md5 bytes.</summary>
    public static ContentHash FromMd5Bytes(ReadOnlySpan<byte> md5, bool directory = false) =>
        new(Convert.ToHexStringLower(md5) + (directory ? DirSuffix : ""));

    /// <summary>Parses a hash as found in a DVC file; throws <see cref="FormatException"/> naming the bad value.</summary>
    public static ContentHash Parse(string value) =>
        TryParse(value, out var hash) ? hash : throw new FormatException($"'{value}' is not an md5 hash (32 lowercase hex digits, optionally followed by '.dir').");

    public static bool TryParse(string? value, out ContentHash hash)
    {
        hash = default;
        if (value is null) return false;
        var digits = value.EndsWith(DirSuffix, StringComparison.Ordinal) ? value[..^DirSuffix.Length] : value;
        if (digits.Length != 32 || !digits.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f')) return false;
        hash = new ContentHash(value);
        return true;
    }

    public override string ToString() => Value ?? "";
}
