using Pipeline.Git.Slurm;

namespace Pipeline.Git.Tests.Slurm;

/// <summary>A job's checkout: under the configured work folder, and what it wrote besides its declared outputs.</summary>
public sealed class WorkerCheckoutTests : IDisposable
{
    private readonly TestGitRepository _repo = new();
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("worker-checkout-tests-");

    public void Dispose()
    {
        _repo.Dispose();
        _work.Delete(recursive: true);
    }

    private WorkerCheckout Checkout()
    {
        _repo.CommitFiles("pipeline", ("dvc.yaml", "stages: {}\n"), ("data/schema.yaml", "old\n"), ("src/a.cs", "class A {}\n"));
        _repo.Write("dvc.lock", "schema: '2.0'\n");
        return WorkerCheckout.Create(_repo.Root, _repo.Repo.Head.Tip.Sha, _work.FullName);
    }

    private void WriteIn(WorkerCheckout worker, string path, string text)
    {
        var full = Path.Combine(worker.Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    [Fact]
    public void Create_WorkDirectory_CheckoutLivesThereWithTheDriversLock()
    {
        using var worker = Checkout();

        Assert.StartsWith(_work.FullName + Path.DirectorySeparatorChar, worker.Root);
        Assert.Equal("schema: '2.0'\n", File.ReadAllText(Path.Combine(worker.Root, "dvc.lock")));
    }

    [Fact]
    public void UndeclaredWrites_ModifiedNewAndDeclaredFiles_OnlyTheUndeclaredOnesOutsideDriverFiles()
    {
        using var worker = Checkout();
        WriteIn(worker, "data/schema.yaml", "inferred\n");
        WriteIn(worker, "reports/extra.txt", "new\n");
        WriteIn(worker, "data/validated/part-0.csv", "declared\n");
        WriteIn(worker, "metrics.json", "{}\n");
        WriteIn(worker, "dvc.yaml", "stages: {x: {}}\n");
        WriteIn(worker, ".nuke/code/Validate.txt", "listing\n");

        var undeclared = worker.UndeclaredWrites(["data/validated", "metrics.json"]);

        Assert.Equal(["data/schema.yaml", "reports/extra.txt"], undeclared.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void UndeclaredWrites_DeletedFile_NotListed()
    {
        using var worker = Checkout();
        File.Delete(Path.Combine(worker.Root, "src/a.cs"));

        Assert.Empty(worker.UndeclaredWrites([]));
    }

    [Fact]
    public void Dispose_RemovesTheCheckoutFromTheWorkDirectory()
    {
        var worker = Checkout();
        var root = worker.Root;

        worker.Dispose();

        Assert.False(Directory.Exists(root));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_work.FullName));
    }
}
