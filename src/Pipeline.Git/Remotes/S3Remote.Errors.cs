using System.Net;
using System.Net.Sockets;
using Amazon.S3;

namespace Pipeline.Git.Remotes;

/// <summary>Turns the SDK's exceptions into one line each: remote-wide problems as <see cref="RemoteException"/>, one object's as <see cref="IOException"/>.</summary>
internal sealed partial class S3Remote
{
    private async Task<T> Call<T>(string key, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AmazonS3Exception e) when (IsNotFound(e))
        {
            throw new NotOnRemoteException();
        }
        catch (AmazonS3Exception e)
        {
            throw RemoteWide(e) is { } fix
                ? new RemoteException($"S3 remote '{_name}' ({_location.UrlOf("").TrimEnd('/')} at {_connection.Where}): {fix}", e)
                : new IOException($"{Describe(key)}: HTTP {(int)e.StatusCode} {e.ErrorCode} {e.Message}".TrimEnd() + $" (after up to {_client.Config.MaxErrorRetry + 1} attempts)", e);
        }
        catch (Exception e) when (Unreachable(e) is { } cause)
        {
            throw new RemoteException(
                $"S3 remote '{_name}': cannot reach {_connection.Where} ({cause}). Is the server running? Check endpointurl in .dvc/config(.local) or AWS_ENDPOINT_URL.", e);
        }
    }

    private string? RemoteWide(AmazonS3Exception e) => e.ErrorCode switch
    {
        "InvalidAccessKeyId" => $"the access key was refused (InvalidAccessKeyId; keys from {_connection.CredentialSource}). {FixKeys}",
        "SignatureDoesNotMatch" => $"the secret key does not match the access key (SignatureDoesNotMatch; keys from {_connection.CredentialSource}). {FixKeys}",
        "AccessDenied" => $"access denied (keys from {_connection.CredentialSource}): the user needs s3:ListBucket, s3:GetObject and s3:PutObject on bucket '{_location.Bucket}'.",
        "NoSuchBucket" => $"bucket '{_location.Bucket}' does not exist. Create it (e.g. `aws s3 mb s3://{_location.Bucket}" +
                          (_connection.Endpoint is { } ep ? $" --endpoint-url {ep}" : "") + "`) or fix the url in .dvc/config.",
        "PermanentRedirect" or "AuthorizationHeaderMalformed" or "IllegalLocationConstraintException" =>
            $"the bucket is in another region than '{_connection.Region}' ({e.ErrorCode}). Set it with `dvc remote modify {_name} region <region>`.",
        _ when e.StatusCode == HttpStatusCode.Forbidden => $"the server refused the request (HTTP 403; keys from {_connection.CredentialSource}). {FixKeys}",
        _ => null,
    };

    private string FixKeys =>
        $"Fix access_key_id/secret_access_key in .dvc/config.local (`dvc remote modify --local {_name} access_key_id ...`) or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.";

    private static string? Unreachable(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SocketException socket: return socket.Message;
                case HttpRequestException http when http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError:
                    return http.InnerException?.Message ?? http.Message;
                case TimeoutException or TaskCanceledException { InnerException: TimeoutException }: return "timed out";
            }
        }
        return null;
    }
}
