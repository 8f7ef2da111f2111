using Amazon.Runtime;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;
using Pipeline.Formats.IO;

namespace Pipeline.Git.Remotes;

/// <summary>
/// Moves single objects between the local cache and a remote, verifying each by its md5: a local object that no longer
/// matches its name is not pushed, and a download whose bytes don't match is never placed in the cache.
/// </summary>
internal sealed class ObjectMover(ObjectCache cache, RemoteStore remote, TransferReport report)
{
    private const UnixFileMode ObjectMode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Uploads one object unless the remote has it. Missing and corrupted local objects are left to the caller to report.</summary>
    public Task<MoveOutcome> PushAsync(ContentHash hash, CancellationToken cancellation)
    {
        var key = RemoteLayout.ObjectKey(hash);
        var local = cache.ObjectPath(hash);
        return Guard(hash, remote.Describe(key), async () =>
        {
            if (await remote.ExistsAsync(key, cancellation))
            {
                report.AddSkipped();
                return MoveOutcome.AlreadyThere;
            }
            if (!File.Exists(local)) return MoveOutcome.Missing;
            // NOTE: a cache object that no longer matches its name must not spread to the remote.
            if (FileHasher.Hash(local).Md5 != hash.Md5) return MoveOutcome.Corrupted;
            await remote.UploadAsync(local, key, cancellation);
            report.AddTransferred();
            return MoveOutcome.Moved;
        });
    }

    /// <summary>
    /// Downloads one object unless the cache has it. A download whose md5 differs is deleted and reported as a failure naming the object and the remote; a missing one is left to the caller.
    /// </summary>
    public Task<MoveOutcome> FetchAsync(ContentHash hash, CancellationToken cancellation)
    {
        var target = cache.ObjectPath(hash);
        if (File.Exists(target))
        {
            report.AddSkipped();
            return Task.FromResult(MoveOutcome.AlreadyThere);
        }
        var key = RemoteLayout.ObjectKey(hash);
        return Guard(hash, remote.Describe(key), async () =>
        {
            using var file = new AtomicFile(target);
            if (!await remote.DownloadAsync(key, file.TempPath, cancellation)) return MoveOutcome.Missing;
            if (Corruption(hash, file.TempPath) is { } problem)
            {
                report.AddFailure(new TransferFailure(hash.Value, remote.Describe(key), $"corrupted on remote '{remote.Name}' ({problem}); refused, not placed in the cache"));
                return MoveOutcome.Corrupted;
            }
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file.TempPath, ObjectMode);
            // NOTE: when another transfer placed the same object first, theirs is as good (objects are immutable).
            file.CommitIfAbsent();
            report.AddTransferred();
            return MoveOutcome.Moved;
        });
    }

    // NOTE: a .dir manifest is verified the same way: its name is the md5 of its bytes, so matching bytes are the manifest.
    private static string? Corruption(ContentHash hash, string file)
    {
        var actual = FileHasher.Hash(file);
        return actual.Md5 == hash.Md5 ? null : $"its bytes hash to {actual.Md5}";
    }

    private async Task<MoveOutcome> Guard(ContentHash hash, string location, Func<Task<MoveOutcome>> move)
    {
        try
        {
            return await move();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            report.AddFailure(new TransferFailure(hash.Value, location, e.Message));
            return MoveOutcome.Failed;
        }
    }
}
