using System.Diagnostics;
using Pipeline.Git.Remotes;

namespace Pipeline.Git.Bench;

/// <summary>Runs each comparison <c>rounds</c> times, ours and the baseline alternating, on one generated dataset.</summary>
internal sealed class RemoteBench(BenchOptions options, S3Target? s3)
{
    private readonly RemoteEnvironment _environment = RemoteEnvironment.Current();

    public async Task<IReadOnlyList<Measurement>> RunAsync()
    {
        var root = options.Directory;
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        Console.Error.WriteLine($"generating {options.Files} files, {options.TotalBytes >> 20} MiB in {root} ...");
        var data = Dataset.Create(Path.Combine(root, "repo"), options.Files, options.TotalBytes);
        var results = new List<Measurement>();
        results.AddRange(await LocalAsync(data, root));
        if (s3 is not null) results.AddRange(await S3Async(data, root, s3));
        else Console.Error.WriteLine("PIPELINE_TEST_S3_* not set: S3 rows skipped (bash .ci/ceph.sh starts radosgw).");
        Directory.Delete(root, recursive: true);
        return results;
    }

    private async Task<IReadOnlyList<Measurement>> LocalAsync(Dataset data, string root)
    {
        var remote = Path.Combine(root, "remote-local");
        Dataset.ConfigureRemote(data.Root, $"    url = {remote}\n");
        var push = (Ours: new List<double>(), Base: new List<double>());
        var pull = (Ours: new List<double>(), Base: new List<double>());
        for (var round = 0; round < options.Rounds; round++)
        {
            if (Directory.Exists(remote)) Directory.Delete(remote, recursive: true);
            push.Ours.Add(await TimeAsync(() => Transfer.PushAsync(data.Root, null, null, Options(fetchOnly: false), CancellationToken.None), options.Files));
            push.Base.Add(Baselines.CopyTree(Path.Combine(data.CacheRoot, "files"), Path.Combine(root, "remote-cp", "files")));
            var clone = data.CloneWithoutCache(Path.Combine(root, "pulled"));
            Dataset.ConfigureRemote(clone, $"    url = {remote}\n");
            pull.Ours.Add(await TimeAsync(() => Transfer.PullAsync(clone, null, null, Options(fetchOnly: true), CancellationToken.None), options.Files));
            pull.Base.Add(Baselines.CopyTree(Path.Combine(remote, "files"), Path.Combine(root, "pulled-cp", "files")));
            Console.Error.WriteLine($"local round {round + 1}: push {push.Ours[^1]:F2}s vs cp {push.Base[^1]:F2}s, pull {pull.Ours[^1]:F2}s vs cp {pull.Base[^1]:F2}s");
        }
        foreach (var dir in new[] { remote, Path.Combine(root, "remote-cp"), Path.Combine(root, "pulled"), Path.Combine(root, "pulled-cp") })
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        return [new("local folder", "push", "cp -r", push.Ours, push.Base), new("local folder", "pull (fetch)", "cp -r", pull.Ours, pull.Base)];
    }

    private async Task<IReadOnlyList<Measurement>> S3Async(Dataset data, string root, S3Target target)
    {
        var ours = $"bench-ours-{Guid.NewGuid():N}"[..30];
        var curl = $"bench-curl-{Guid.NewGuid():N}"[..30];
        await target.CreateBucketAsync(ours);
        await target.CreateBucketAsync(curl);
        var section = $"    url = s3://{ours}\n    endpointurl = {target.Endpoint}\n    access_key_id = {target.AccessKey}\n    secret_access_key = {target.SecretKey}\n";
        Dataset.ConfigureRemote(data.Root, section);
        var push = (Ours: new List<double>(), Base: new List<double>());
        var pull = (Ours: new List<double>(), Base: new List<double>());
        try
        {
            for (var round = 0; round < options.Rounds; round++)
            {
                await target.EmptyAsync(ours);
                await target.EmptyAsync(curl);
                push.Ours.Add(await TimeAsync(() => Transfer.PushAsync(data.Root, null, null, Options(fetchOnly: false), CancellationToken.None), options.Files));
                push.Base.Add(Baselines.CurlUpload(target, curl, data.CacheRoot, data.ObjectKeys, options.Jobs, root));
                var clone = data.CloneWithoutCache(Path.Combine(root, "pulled"));
                Dataset.ConfigureRemote(clone, section);
                pull.Ours.Add(await TimeAsync(() => Transfer.PullAsync(clone, null, null, Options(fetchOnly: true), CancellationToken.None), options.Files));
                pull.Base.Add(Baselines.CurlDownload(target, curl, Path.Combine(root, "pulled-curl"), data.ObjectKeys, options.Jobs, root));
                Console.Error.WriteLine($"s3 round {round + 1}: push {push.Ours[^1]:F2}s vs curl {push.Base[^1]:F2}s, pull {pull.Ours[^1]:F2}s vs curl {pull.Base[^1]:F2}s");
            }
        }
        finally
        {
            await target.EmptyAsync(ours);
            await target.EmptyAsync(curl);
        }
        return [new("radosgw (S3)", "push", "curl --parallel", push.Ours, push.Base), new("radosgw (S3)", "pull (fetch)", "curl --parallel", pull.Ours, pull.Base)];
    }

    private TransferOptions Options(bool fetchOnly) => new() { Jobs = options.Jobs, FetchOnly = fetchOnly, Environment = _environment };

    private static async Task<double> TimeAsync(Func<Task<TransferReport>> transfer, int expected)
    {
        var watch = Stopwatch.StartNew();
        var report = await transfer();
        watch.Stop();
        if (!report.Succeeded || report.Transferred != expected)
            throw new InvalidOperationException($"the transfer moved {report.Transferred} of {expected} objects:\n{report.Summary()}");
        return watch.Elapsed.TotalSeconds;
    }
}
