namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>
/// DVC remotes end to end through ./build.sh: Train --commit, Push, a fresh clone at another path, Pull (or --pull),
/// and Train executes nothing; with a local folder and with radosgw configured through .dvc/config + .dvc/config.local.
/// </summary>
[Collection(ReferenceCollection.Name)]
public sealed class RemoteTests(ReferenceTemplate template) : IDisposable
{
    private readonly TestRepository _repo = template.CreateCopy();
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("pipeline-remotes-");

    public void Dispose()
    {
        _repo.Dispose();
        new TestRepository(_scratch.FullName, owned: true).Dispose();
    }

    [Fact]
    public void LocalFolder_TrainCommitPushFreshClonePull_TrainExecutesNothing()
    {
        var remote = Path.Combine(_scratch.FullName, "remote");
        var empty = Path.Combine(_scratch.FullName, "empty-remote");
        CommitTrain($"[core]\n    remote = local\n['remote \"local\"']\n    url = {remote}\n['remote \"empty\"']\n    url = {empty}\n");
        var push = Run(_repo, "Push", "--jobs", "8");
        Assert.True(push.ExitCode == 0, push.ToString());

        var pulled = Clone(Path.Combine(_scratch.FullName, "a", "b", "pulled"));
        var pull = Run(pulled, "Pull");
        var train = Run(pulled, "Train");
        var byOption = Clone(Path.Combine(_scratch.FullName, "c", "by-option"));
        var pullOption = Run(byOption, "Train", "--pull");

        Assert.True(pull.ExitCode == 0, pull.ToString());
        AssertNothingExecuted(pulled, train);
        AssertNothingExecuted(byOption, pullOption);
        Assert.Equal(File.ReadAllBytes(_repo.PathOf("models/model.zip")), File.ReadAllBytes(byOption.PathOf("models/model.zip")));
    }

    [Fact]
    public void Push_ObjectMissingFromTheLocalCache_WarnsNamingStageAndPathAndSucceeds()
    {
        var remote = Path.Combine(_scratch.FullName, "remote");
        CommitTrain($"[core]\n    remote = local\n['remote \"local\"']\n    url = {remote}\n");
        var model = ModelHash(_repo);
        var cached = _repo.PathOf($".dvc/cache/files/md5/{model[..2]}/{model[2..]}");
        File.SetAttributes(cached, FileAttributes.Normal);
        File.Delete(cached);

        var push = Run(_repo, "Push");

        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.Contains($"WRN: models/model.zip (stage Train in dvc.lock): {model} is not in the local cache, not pushed", push.Stdout);
        Assert.False(File.Exists(Path.Combine(remote, "files", "md5", model[..2], model[2..])));
    }

    [S3Fact]
    public void Radosgw_ConfigAndConfigLocal_PushFreshClonePullTrainExecutesNothingAndTheModelIsByteIdentical()
    {
        var (endpoint, key, secret) = S3Server.Configured!.Value;
        var bucket = S3Server.CreateBucket();
        var keys = $"['remote \"storage\"']\n    access_key_id = {key}\n    secret_access_key = {secret}\n";
        CommitTrain($"[core]\n    remote = storage\n['remote \"storage\"']\n    url = s3://{bucket}/dvcstore\n    endpointurl = {endpoint}\n", keys);
        Assert.DoesNotContain(".dvc/config.local", GitCli.Run(_repo.Root, "ls-files"));
        Assert.DoesNotContain("config.local", GitCli.Run(_repo.Root, "status", "--porcelain"));
        var push = Run(_repo, "Push", "--run-cache");
        Assert.True(push.ExitCode == 0, push.ToString());

        var clone = Clone(Path.Combine(_scratch.FullName, "elsewhere", "deeper", "clone"));
        clone.Write(".dvc/config.local", keys);
        var pull = Run(clone, "Pull", "--run-cache");
        var train = Run(clone, "Train");

        Assert.True(pull.ExitCode == 0, pull.ToString());
        AssertNothingExecuted(clone, train);
        Assert.Equal(File.ReadAllBytes(_repo.PathOf("models/model.zip")), File.ReadAllBytes(clone.PathOf("models/model.zip")));
    }

    [S3Fact]
    public void Radosgw_WrongSecret_PushFailsWithOneLineAndNoStackTrace()
    {
        var (endpoint, key, _) = S3Server.Configured!.Value;
        var bucket = S3Server.CreateBucket();
        _repo.Write(".dvc/config", $"[core]\n    remote = storage\n['remote \"storage\"']\n    url = s3://{bucket}/dvcstore\n    endpointurl = {endpoint}\n");
        _repo.Write(".dvc/config.local", $"['remote \"storage\"']\n    access_key_id = {key}\n    secret_access_key = wrong\n");

        var push = Run(_repo, "Push", "--run-cache");

        Assert.Equal(1, push.ExitCode);
        var error = Assert.Single(push.Stdout.Split('\n'), l => l.StartsWith("ERR: ", StringComparison.Ordinal));
        Assert.Contains("S3 remote 'storage'", error);
        Assert.Contains("secret key does not match", error);
        Assert.DoesNotContain("   at ", push.Stdout + push.Stderr);
        Assert.DoesNotContain("AmazonS3Exception", push.Stdout + push.Stderr);
    }

    // NOTE: the pipeline runs take minutes on a loaded machine; the limit only stops a hung run.
    private static ProcessResult Run(TestRepository repo, params string[] args) => repo.Run(TimeSpan.FromMinutes(15), args);

    /// <summary>Commits the template with <paramref name="dvcConfig"/>, then runs Train --commit (with <paramref name="localConfig"/> as .dvc/config.local, never committed).</summary>
    private void CommitTrain(string dvcConfig, string? localConfig = null)
    {
        GitCli.Run(_repo.Root, "init", "-q", "-b", "main");
        GitCli.Run(_repo.Root, "config", "user.name", "Pipeline Tests");
        GitCli.Run(_repo.Root, "config", "user.email", "tests@example.com");
        _repo.Write(".dvc/config", dvcConfig);
        GitCli.Run(_repo.Root, "add", "-A");
        GitCli.Run(_repo.Root, "commit", "-q", "-m", "pipeline");
        if (localConfig is not null) _repo.Write(".dvc/config.local", localConfig);
        var run = Run(_repo, ["Train", .. PipelineFiles.FastDefaultRun, "--commit"]);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private TestRepository Clone(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        GitCli.Run(Path.GetDirectoryName(path)!, "clone", "-q", _repo.Root, path);
        VersioningTests.ShareCompiledBuild(_repo.Root, path);
        return new TestRepository(path, owned: false);
    }

    private static void AssertNothingExecuted(TestRepository clone, ProcessResult run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        var statuses = clone.Statuses();
        Assert.Equal(["Source", "Ingest", "Validate", "Featurize", "Train"], statuses.Keys);
        Assert.All(statuses, s => Assert.True(s.Value != "executed", $"{s.Key} executed: {clone.Reasons()[s.Key]}\n{run}"));
    }

    private static string ModelHash(TestRepository repo)
    {
        var entry = PipelineFiles.LockEntry(repo, "Train").Split('\n');
        var at = Array.FindIndex(entry, l => l.Trim() == "- path: models/model.zip");
        return entry.Skip(at).First(l => l.Trim().StartsWith("md5: ", StringComparison.Ordinal)).Trim()["md5: ".Length..];
    }
}
