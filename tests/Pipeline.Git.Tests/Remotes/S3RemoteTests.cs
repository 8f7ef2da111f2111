using System.Security.Cryptography;
using Pipeline.Git.Remotes;

namespace Pipeline.Git.Tests.Remotes;

/// <summary>The S3 remote against a real radosgw: objects of every size, listing pages, and one clear line per misconfiguration.</summary>
public sealed class S3RemoteTests
{
    [S3Fact]
    public async Task UploadDownload_ZeroBytesToMultipart_RoundTripsByteForByte()
    {
        using var gateway = RadosGateway.Open();
        using var remote = S3Remote.Open(gateway.Settings(), RadosGateway.CleanEnvironment());
        var dir = Directory.CreateTempSubdirectory("s3-roundtrip-");
        try
        {
            long[] sizes = [0, 1, (1 << 20) + 3, S3Remote.MultipartThreshold - 1, S3Remote.MultipartThreshold, 2 * S3Remote.MultipartThreshold + 12345];
            foreach (var size in sizes)
            {
                var source = Path.Combine(dir.FullName, $"in-{size}");
                var bytes = new byte[size];
                new Random((int)size).NextBytes(bytes);
                await File.WriteAllBytesAsync(source, bytes);
                var key = $"objects/{size}";

                await remote.UploadAsync(source, key, CancellationToken.None);
                var copy = Path.Combine(dir.FullName, $"out-{size}");
                var found = await remote.DownloadAsync(key, copy, CancellationToken.None);

                Assert.True(found);
                Assert.True(await remote.ExistsAsync(key, CancellationToken.None));
                Assert.Equal(MD5.HashData(bytes), MD5.HashData(await File.ReadAllBytesAsync(copy)));
            }
            var multipart = await gateway.Client.GetObjectMetadataAsync(gateway.Bucket, $"dvcstore/objects/{2 * S3Remote.MultipartThreshold + 12345}");
            var single = await gateway.Client.GetObjectMetadataAsync(gateway.Bucket, $"dvcstore/objects/{S3Remote.MultipartThreshold - 1}");
            Assert.EndsWith("-3\"", multipart.ETag, StringComparison.Ordinal);
            Assert.DoesNotContain('-', single.ETag);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [S3Fact]
    public async Task ExistsAndDownload_MissingKey_FalseAndNoFile()
    {
        using var gateway = RadosGateway.Open();
        using var remote = S3Remote.Open(gateway.Settings(), RadosGateway.CleanEnvironment());
        var target = Path.Combine(Path.GetTempPath(), $"s3-missing-{Guid.NewGuid():N}");

        Assert.False(await remote.ExistsAsync("files/md5/00/nothing", CancellationToken.None));
        Assert.False(await remote.DownloadAsync("files/md5/00/nothing", target, CancellationToken.None));
        Assert.False(File.Exists(target));
    }

    [S3Fact]
    public async Task List_MoreThanOnePage_ReturnsEveryKeyInOrder()
    {
        using var gateway = RadosGateway.Open();
        using var remote = S3Remote.Open(gateway.Settings(), RadosGateway.CleanEnvironment());
        var file = Path.GetTempFileName();
        try
        {
            var keys = Enumerable.Range(0, 1234).Select(i => $"runs/{i % 7:x2}/k{i:D5}").ToList();
            await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (k, ct) => await remote.UploadAsync(file, k, ct));
            await remote.UploadAsync(file, "files/md5/aa/outside-the-prefix", CancellationToken.None);

            var listed = await remote.ListAsync("runs/", CancellationToken.None);

            Assert.Equal(keys.Order(StringComparer.Ordinal), listed);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [S3Fact]
    public async Task Check_WrongAccessKey_OneLineNamingTheRemoteAndTheFix()
    {
        using var gateway = RadosGateway.Open();
        using var remote = S3Remote.Open(gateway.Settings(accessKey: "NOSUCHKEY0000000000"), RadosGateway.CleanEnvironment());

        var e = await Assert.ThrowsAsync<RemoteException>(() => remote.CheckAsync(write: true, CancellationToken.None));

        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains("'storage'", e.Message);
        Assert.Contains("InvalidAccessKeyId", e.Message);
        Assert.Contains("access_key_id in .dvc/config(.local)", e.Message);
        Assert.Contains("dvc remote modify --local storage", e.Message);
    }

    [S3Fact]
    public async Task Check_WrongSecret_SaysTheSecretDoesNotMatch()
    {
        using var gateway = RadosGateway.Open();
        using var remote = S3Remote.Open(gateway.Settings(secretKey: "wrong-secret"), RadosGateway.CleanEnvironment());

        var e = await Assert.ThrowsAsync<RemoteException>(() => remote.CheckAsync(write: false, CancellationToken.None));

        Assert.Contains("secret key does not match", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [S3Fact]
    public async Task Check_MissingBucket_NamesTheBucketAndHowToCreateIt()
    {
        using var gateway = RadosGateway.Open();
        var settings = gateway.Settings();
        var missing = settings with { Url = "s3://no-such-bucket-here/dvcstore" };
        using var remote = S3Remote.Open(missing, RadosGateway.CleanEnvironment());

        var e = await Assert.ThrowsAsync<RemoteException>(() => remote.CheckAsync(write: true, CancellationToken.None));

        Assert.Contains("bucket 'no-such-bucket-here' does not exist", e.Message);
        Assert.Contains($"aws s3 mb s3://no-such-bucket-here --endpoint-url {gateway.Endpoint}", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task Check_NothingListensAtTheEndpoint_CannotReachIt()
    {
        var port = ClosedPort();
        var settings = new RemoteSettings("storage", "s3://bucket/p", new Dictionary<string, string>
        {
            ["url"] = "s3://bucket/p", ["endpointurl"] = $"http://127.0.0.1:{port}", ["access_key_id"] = "k", ["secret_access_key"] = "s",
        });
        var environment = RadosGateway.CleanEnvironment(new Dictionary<string, string> { ["AWS_MAX_ATTEMPTS"] = "2" });
        using var remote = S3Remote.Open(settings, environment);

        var e = await Assert.ThrowsAsync<RemoteException>(() => remote.CheckAsync(write: true, CancellationToken.None));

        Assert.Contains($"cannot reach http://127.0.0.1:{port}", e.Message);
        Assert.Contains("endpointurl", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
