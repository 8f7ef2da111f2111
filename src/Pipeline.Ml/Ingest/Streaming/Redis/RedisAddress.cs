using StackExchange.Redis;

namespace Pipeline.Ml.Ingest.Streaming.Redis;

/// <summary>
/// <c>ingest.url</c> of a Redis source: a URL (<c>redis://[user:password@]host[:port][/db]</c>, <c>rediss://</c> for
/// TLS) or a StackExchange.Redis configuration string (<c>host:port,password=…,ssl=true,user=…</c>).
/// </summary>
internal static class RedisAddress
{
    /// <summary>Client options with the connect timeout, failing fast when the server cannot be reached.</summary>
    public static ConfigurationOptions Parse(string url, int timeoutSeconds)
    {
        var options = url.Contains("://", StringComparison.Ordinal) ? FromUrl(url) : ConfigurationOptions.Parse(url);
        options.AbortOnConnectFail = true;
        options.ConnectRetry = 1;
        options.ConnectTimeout = timeoutSeconds * 1000;
        options.SyncTimeout = timeoutSeconds * 1000;
        options.AsyncTimeout = timeoutSeconds * 1000;
        return options;
    }

    /// <summary>The endpoints, for messages (the password is never part of it).</summary>
    public static string Describe(ConfigurationOptions options) =>
        string.Join(",", options.EndPoints.Select(e => e.ToString()!.Replace("Unspecified/", "", StringComparison.Ordinal)));

    private static ConfigurationOptions FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("redis" or "rediss"))
            throw new ArgumentException($"ingest.url '{Redact(url)}' is not a redis:// or rediss:// URL (nor a host:port configuration string).");
        var options = new ConfigurationOptions { Ssl = uri.Scheme == "rediss" };
        options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port);
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            if (parts.Length == 2)
            {
                if (parts[0].Length > 0) options.User = Uri.UnescapeDataString(parts[0]);
                options.Password = Uri.UnescapeDataString(parts[1]);
            }
            else
            {
                options.Password = Uri.UnescapeDataString(parts[0]);
            }
        }
        var db = uri.AbsolutePath.Trim('/');
        if (db.Length > 0)
            options.DefaultDatabase = int.TryParse(db, out var n) && n >= 0 ? n : throw new ArgumentException($"ingest.url names database '{db}'; expected a number (redis://host:port/0).");
        return options;
    }

    private static string Redact(string url) => url.Contains('@', StringComparison.Ordinal) ? "…@" + url[(url.LastIndexOf('@') + 1)..] : url;
}
