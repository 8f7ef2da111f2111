namespace Pipeline.Git.Remotes;

/// <summary>How to reach one S3 remote, resolved from its DVC settings, the AWS environment variables and the AWS shared files.</summary>
/// <param name="Endpoint">The endpoint URL (<c>endpointurl</c>), or null for AWS itself.</param>
/// <param name="Region">The signing region.</param>
/// <param name="AccessKeyId">The access key id.</param>
/// <param name="SecretAccessKey">The secret key.</param>
/// <param name="SessionToken">A session token for temporary credentials, or null.</param>
/// <param name="CredentialSource">Where the keys came from, for messages (never the keys themselves).</param>
internal sealed record S3Connection(string? Endpoint, string Region, string AccessKeyId, string SecretAccessKey, string? SessionToken, string CredentialSource)
{
    /// <summary>us-east-1, botocore's fallback when nothing names a region.</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>
    /// Resolves a remote the way DVC (s3fs on botocore) does. Keys: <c>access_key_id</c>/<c>secret_access_key</c>
    /// (+<c>session_token</c>) in the merged config win; else the config's <c>profile</c> (environment keys ignored, as
    /// botocore ignores them for an explicit profile); else <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>
    /// (+<c>AWS_SESSION_TOKEN</c>); else the profile <c>AWS_PROFILE</c> (default <c>default</c>). Endpoint:
    /// <c>endpointurl</c>, <c>AWS_ENDPOINT_URL_S3</c>, <c>AWS_ENDPOINT_URL</c>, the profile's <c>endpoint_url</c>.
    /// Region: <c>region</c>, <c>AWS_DEFAULT_REGION</c>, <c>AWS_REGION</c>, the profile's <c>region</c>, us-east-1.
    /// Throws <see cref="RemoteException"/> when no credentials are found.
    /// </summary>
    public static S3Connection Resolve(RemoteSettings settings, RemoteEnvironment environment)
    {
        var files = AwsSharedFiles.Load(
            settings.Get("credentialpath") ?? environment.Get("AWS_SHARED_CREDENTIALS_FILE") ?? Path.Combine(environment.HomeDirectory, ".aws", "credentials"),
            settings.Get("configpath") ?? environment.Get("AWS_CONFIG_FILE") ?? Path.Combine(environment.HomeDirectory, ".aws", "config"));
        var explicitProfile = settings.Get("profile");
        var profile = explicitProfile ?? environment.Get("AWS_PROFILE") ?? "default";
        if (explicitProfile is not null && !files.Has(explicitProfile))
            throw new RemoteException($"S3 remote '{settings.Name}': profile '{explicitProfile}' (its 'profile' setting) is in neither ~/.aws/credentials nor ~/.aws/config. Add the profile, or remove the setting with `dvc remote modify --local {settings.Name} --unset profile`.");

        var endpoint = settings.Get("endpointurl") ?? environment.Get("AWS_ENDPOINT_URL_S3") ?? environment.Get("AWS_ENDPOINT_URL") ?? files.GetConfig(profile, "endpoint_url");
        var region = settings.Get("region") ?? environment.Get("AWS_DEFAULT_REGION") ?? environment.Get("AWS_REGION") ?? files.GetConfig(profile, "region") ?? DefaultRegion;

        if (settings.Get("access_key_id") is { } id)
        {
            var secret = settings.Get("secret_access_key") ?? throw new RemoteException(
                $"S3 remote '{settings.Name}' has access_key_id but no secret_access_key. Set it with `dvc remote modify --local {settings.Name} secret_access_key <key>` (writes .dvc/config.local).");
            return new(endpoint, region, id, secret, settings.Get("session_token"), "access_key_id in .dvc/config(.local)");
        }
        if (explicitProfile is null && environment.Get("AWS_ACCESS_KEY_ID") is { } envId && environment.Get("AWS_SECRET_ACCESS_KEY") is { } envSecret)
            return new(endpoint, region, envId, envSecret, environment.Get("AWS_SESSION_TOKEN"), "AWS_ACCESS_KEY_ID");
        if (files.Get(profile, "aws_access_key_id") is { } fileId && files.Get(profile, "aws_secret_access_key") is { } fileSecret)
            return new(endpoint, region, fileId, fileSecret, files.Get(profile, "aws_session_token"), $"profile '{profile}' of the AWS shared files");
        throw new RemoteException(
            $"S3 remote '{settings.Name}' has no credentials: set them with `dvc remote modify --local {settings.Name} access_key_id <id>` and `... secret_access_key <key>` " +
            "(.dvc/config.local), or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or name a profile of ~/.aws/credentials (profile setting or AWS_PROFILE).");
    }

    /// <summary>Where the remote is, for messages: the endpoint, or AWS in the region.</summary>
    public string Where => Endpoint ?? $"AWS S3 ({Region})";
}
