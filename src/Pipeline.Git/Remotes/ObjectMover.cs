using System.Net.Http;
using System.Security.Cryptography;
using Amazon.Runtime;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;

namespace Pipeline.Git.Remotes;

/// <summary>Moves single objects between the local cache and a remote, verifying each by its md5.</summary>
internal sealed class ObjectMover(ObjectCache cache, RemoteStore remote, TransferReport report)
{
    private const UnixFileMode ObjectMode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Uploads one object unless the remote has it; false when it failed (reported).</summary>
    public bool Push(ContentHash hash)
    {
        var key = RemoteLayout.ObjectKey(hash);
        var local = cache.ObjectPath(hash);
        return Guard(hash, remote.Describe(key), () =>
        {
            if (remote.Exists(key))
            {
                report.AddSkipped();
                return true;
            }
            if (!File.Exists(local)) return Fail(hash, local, "missing from the local cache; re-run the stage that produces it");
            // NOTE: a cache object that no longer matches its name must not spread to the remote.
            var actual = FileHasher.Hash(local);
            if (actual.Md5 != hash.Md5) return Fail(hash, local, $"corrupted in the local cache (its bytes hash to {actual.Md5}); not pushed");
            remote.Upload(local, key);
            report.AddTransferred();
            return true;
        });
    }

    /// <summary>Downloads one object unless the cache has it; a download whose bytes don't match is discarded and reported.</summary>
    public bool Fetch(ContentHash hash)
    {
        var target = cache.ObjectPath(hash);
        if (File.Exists(target))
        {
            report.AddSkipped();
            return true;
        }
        var key = RemoteLayout.ObjectKey(hash);
        return Guard(hash, remote.Describe(key), () =>
        {
            var dir = Path.GetDirectoryName(target)!;
            Directory.CreateDirectory(dir);
            var temp = Path.Combine(dir, $".{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
            try
            {
                if (!remote.Exists(key)) return Fail(hash, remote.Describe(key), "missing on the remote; push it from a machine that has it");
                remote.Download(key, temp);
                var actual = FileHasher.Hash(temp);
                if (actual.Md5 != hash.Md5)
                    return Fail(hash, remote.Describe(key), $"corrupted on the remote (its bytes hash to {actual.Md5}); not placed in the cache");
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, ObjectMode);
                Place(temp, target);
                report.AddTransferred();
                return true;
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        });
    }

    private static void Place(string temp, string target)
    {
        try
        {
            File.Move(temp, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            // NOTE: another transfer placed the same object first; objects are immutable, so theirs is as good.
        }
    }

    private bool Guard(ContentHash hash, string location, Func<bool> move)
    {
        try
        {
            return move();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or AmazonServiceException or HttpRequestException)
        {
            return Fail(hash, location, e.Message);
        }
    }

    private bool Fail(ContentHash hash, string location, string reason)
    {
        report.AddFailure(new TransferFailure(hash.Value, location, reason));
        return false;
    }
}
