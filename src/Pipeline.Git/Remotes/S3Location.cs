using Pipeline.Engine.Failures;

namespace Pipeline.Git.Remotes;

/// <summary>A parsed <c>s3://bucket/prefix</c> remote URL and the object keys under it.</summary>
internal sealed record S3Location(string Bucket, string Prefix)
{
    private const string Scheme = "s3://";

    /// <summary>Parses <c>s3://bucket[/prefix]</c>; throws <see cref="UsageException"/> quoting a bad URL.</summary>
    public static S3Location Parse(string url)
    {
        if (!url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"'{url}' is not an S3 URL; expected s3://<bucket>/<prefix>.");
        var rest = url[Scheme.Length..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0) throw new UsageException($"'{url}' names no bucket; expected s3://<bucket>/<prefix>.");
        var prefix = slash < 0 ? "" : rest[(slash + 1)..].Trim('/');
        return new S3Location(bucket, prefix);
    }

    /// <summary>The full object key of a remote-relative key: <c>prefix/key</c>.</summary>
    public string KeyOf(string key) => Prefix.Length == 0 ? key : $"{Prefix}/{key}";

    /// <summary>The remote-relative key of a full object key (inverse of <see cref="KeyOf"/>).</summary>
    public string RelativeKey(string fullKey) => Prefix.Length == 0 ? fullKey : fullKey[(Prefix.Length + 1)..];

    /// <summary>The URL of an object, for messages.</summary>
    public string UrlOf(string key) => $"{Scheme}{Bucket}/{KeyOf(key)}";
}
